using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZoneApi.Auth;

// The table is created by migrations/0001_create_customers_and_api_keys.sql; this class only maps it. Column
// names come from the snake_case naming convention (see ServiceRegistration).
internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.ToTable("customers");
        customer.HasKey(c => c.Id);
    }
}
