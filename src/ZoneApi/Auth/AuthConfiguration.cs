using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZoneApi.Auth;

// The tables are created by migrations/0001_create_customers_and_api_keys.sql; these classes only map them.
internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.ToTable("customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).HasColumnName("id");
        customer.Property(c => c.Name).HasColumnName("name");
        customer.Property(c => c.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.CustomerId).HasColumnName("customer_id");
        key.Property(k => k.Name).HasColumnName("name");
        key.Property(k => k.KeyHash).HasColumnName("key_hash");
        key.Property(k => k.Scopes).HasColumnName("scopes");
        key.Property(k => k.CreatedAt).HasColumnName("created_at");
        key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
        key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        key.Property(k => k.Bootstrap).HasColumnName("bootstrap");
        key.Property(k => k.Prefix).HasColumnName("prefix");
        key.HasOne<Customer>().WithMany().HasForeignKey(k => k.CustomerId);
    }
}
