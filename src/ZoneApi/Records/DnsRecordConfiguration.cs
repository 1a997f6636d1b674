using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoneApi.Zones;

namespace ZoneApi.Records;

// The table is created by migrations/0003_create_records.sql; this class only maps it. Column names come from
// the snake_case naming convention (see ServiceRegistration).
internal sealed class DnsRecordConfiguration : IEntityTypeConfiguration<DnsRecord>
{
    public const string ContentKey = "ContentKey";

    public void Configure(EntityTypeBuilder<DnsRecord> record)
    {
        record.ToTable("records");
        record.HasKey(r => new { r.ZoneId, r.Id });
        // content_key, left(content, 512), computed by PostgreSQL (migrations/0005): the page order's third key.
        record.Property<string>(ContentKey).ValueGeneratedOnAddOrUpdate();
        record.HasOne<Zone>().WithMany().HasForeignKey(r => r.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
