namespace ZoneApi.Zones;

/// <summary>What creating a zone came to; "already exists" is an answer, not an exception.</summary>
public abstract record CreateZoneResult
{
    public sealed record Created(Zone Zone) : CreateZoneResult;

    public sealed record AlreadyExists(string Name) : CreateZoneResult;

    /// <summary>Another customer's zone is at, above or below the name, or the server reserves it (CONTRACT A5).</summary>
    public sealed record Unavailable : CreateZoneResult;

    public sealed record QuotaExceeded(string Message) : CreateZoneResult;

    /// <summary>The customer's enclosing zone holds records below the new zone's apex that are not a delegation to it.</summary>
    public sealed record HidesRecords(string Message) : CreateZoneResult;
}

public abstract record UpdateZoneResult
{
    public sealed record Updated(Zone Zone) : UpdateZoneResult;

    public sealed record NotFound : UpdateZoneResult;

    /// <summary>The request named another zone: zones are not renamed (CONTRACT A5).</summary>
    public sealed record RenameRefused(string CurrentName) : UpdateZoneResult;
}
