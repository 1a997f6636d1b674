using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZoneApi.Auth;

// The table is created by migrations/0001_create_customers_and_api_keys.sql (bootstrap and prefix: 0007); this
// class only maps it. Column names come from the snake_case naming convention (see ServiceRegistration).
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.HasOne<Customer>().WithMany().HasForeignKey(k => k.CustomerId);
    }
}
