using Microsoft.EntityFrameworkCore;
using ZoneApi.Auth;
using ZoneApi.Records;
using ZoneApi.Zones;

namespace ZoneApi.Data;

/// <summary>EF Core's view of the schema that migrations/*.sql create; mappings live in each feature folder.</summary>
public sealed class ZoneDbContext(DbContextOptions<ZoneDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<DnsRecord> Records => Set<DnsRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZoneDbContext).Assembly);
}
