using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoneApi.Auth;

namespace ZoneApi.Zones;

// The table is created by migrations/0002_create_zones.sql; this class only maps it. Column names come from
// the snake_case naming convention (see ServiceRegistration).
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public const string UniqueName = "zones_name_key";

    /// <summary>
    /// zones.record_count, kept exact by the database's triggers for every writer (migrations/0013). A shadow property
    /// that EF reads and never writes, so no tracked Zone can put back a count it read earlier.
    /// </summary>
    public const string RecordCount = "RecordCount";

    public void Configure(EntityTypeBuilder<Zone> zone)
    {
        zone.ToTable("zones");
        zone.HasKey(z => z.Id);
        zone.Property<int>(RecordCount).ValueGeneratedOnAddOrUpdate();
        zone.HasOne<Customer>().WithMany().HasForeignKey(z => z.CustomerId);
    }
}
