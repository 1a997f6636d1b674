namespace ZoneApi.Tests.Serving;

/// <summary>How a question travels: every acceptance check runs over both (RFC 7766: TCP is not a fallback only).</summary>
public enum DnsTransport
{
    Udp,
    Tcp,
}
