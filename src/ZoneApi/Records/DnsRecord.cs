namespace ZoneApi.Records;

/// <summary>One value of a resource record set. Table records (migrations/0003).</summary>
public sealed class DnsRecord
{
    public Guid ZoneId { get; set; }

    /// <summary>Content-derived id (<see cref="Dns.RecordId"/>).</summary>
    public required string Id { get; set; }

    /// <summary>Absolute, lower-case, with the trailing dot: <c>www.example.com.</c>.</summary>
    public required string Name { get; set; }

    public required string Type { get; set; }

    /// <summary>The API's content: canonical presentation, for MX the target only.</summary>
    public required string Content { get; set; }

    public int? Priority { get; set; }

    /// <summary>The host the value points at (CNAME, ALIAS, NS, PTR, MX, SRV, HTTPS, SVCB), absolute with the dot.</summary>
    public string? Target { get; set; }

    public int Ttl { get; set; }

    public bool Disabled { get; set; }

    public string? Comment { get; set; }

    /// <summary>The SOA and the server's own apex NS records, which the API lists but never writes.</summary>
    public bool Protected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
