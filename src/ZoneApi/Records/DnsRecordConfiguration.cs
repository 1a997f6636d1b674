using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoneApi.Zones;

namespace ZoneApi.Records;

// The table is created by migrations/0003_create_records.sql; this class only maps it.
internal sealed class DnsRecordConfiguration : IEntityTypeConfiguration<DnsRecord>
{
    public void Configure(EntityTypeBuilder<DnsRecord> record)
    {
        record.ToTable("records");
        record.HasKey(r => new { r.ZoneId, r.Id });
        record.Property(r => r.ZoneId).HasColumnName("zone_id");
        record.Property(r => r.Id).HasColumnName("id");
        record.Property(r => r.Name).HasColumnName("name");
        record.Property(r => r.Type).HasColumnName("type");
        record.Property(r => r.Content).HasColumnName("content");
        record.Property(r => r.Priority).HasColumnName("priority");
        record.Property(r => r.Target).HasColumnName("target");
        record.Property(r => r.Ttl).HasColumnName("ttl");
        record.Property(r => r.Disabled).HasColumnName("disabled");
        record.Property(r => r.Comment).HasColumnName("comment");
        record.Property(r => r.Protected).HasColumnName("protected");
        record.Property(r => r.CreatedAt).HasColumnName("created_at");
        record.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        record.HasOne<Zone>().WithMany().HasForeignKey(r => r.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
