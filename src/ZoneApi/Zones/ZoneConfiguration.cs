using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoneApi.Auth;

namespace ZoneApi.Zones;

// The table is created by migrations/0002_create_zones.sql; this class only maps it.
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public const string UniqueName = "zones_name_key";

    public void Configure(EntityTypeBuilder<Zone> zone)
    {
        zone.ToTable("zones");
        zone.HasKey(z => z.Id);
        zone.Property(z => z.Id).HasColumnName("id");
        zone.Property(z => z.CustomerId).HasColumnName("customer_id");
        zone.Property(z => z.Name).HasColumnName("name");
        zone.Property(z => z.Type).HasColumnName("type");
        zone.Property(z => z.Region).HasColumnName("region");
        zone.Property(z => z.Status).HasColumnName("status");
        zone.Property(z => z.Serial).HasColumnName("serial");
        zone.Property(z => z.CreatedAt).HasColumnName("created_at");
        zone.Property(z => z.UpdatedAt).HasColumnName("updated_at");
        zone.HasOne<Customer>().WithMany().HasForeignKey(z => z.CustomerId);
    }
}
