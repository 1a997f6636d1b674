using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records.Servable;

/// <summary>
/// The rules that keep a zone servable (CONTRACT A4, Servable zones): what BIND (named-checkzone -k fail) or
/// PowerDNS would refuse to load, or what would break resolution. They look at the zone as a server answers it
/// (wildcards, delegations), so they run after the write is saved, inside its transaction and under the zone's
/// row lock, on the state the write leaves: whichever order two records arrive in, the second one is refused,
/// and a refusal rolls the write back. Checks that read the customer's other zones take the customer's
/// alias-graph lock first, as <see cref="RecordRules"/> does.
/// </summary>
internal sealed class ServableZoneRules(ZoneDbContext db, Zone zone)
{
    private readonly ZoneCuts _cuts = new(db);
    private readonly NameserverAddresses _addresses = new(db, zone);
    private readonly AnsweringNames _answering = new(db, zone.CustomerId);

    public Task<RecordError?> AfterWriteAsync(DnsRecord written, CancellationToken ct) => AfterWriteAsync(written, null, belowCut: true, ct);

    /// <param name="written">The value saved.</param>
    /// <param name="cutsBefore">
    /// The highest zone cut above the value's name as read under the zone lock before a write that added the value and
    /// removed no NS record (<see cref="ZoneCuts.HighestAboveSql"/>), which spares reading it again; null: read it here.
    /// </param>
    /// <param name="belowCut">False when the caller knows no cut lies at or above the value's name (a batch finds that
    /// out for all its names in one query), so the occlusion check has nothing to look for.</param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<RecordError?> AfterWriteAsync(DnsRecord written, CutsRead? cutsBefore, bool belowCut, CancellationToken ct)
    {
        var cut = !belowCut ? null
            : cutsBefore is not null ? ZoneCuts.AfterAdding(cutsBefore.Highest, zone, written)
            : await _cuts.HighestAboveAsync(zone, written.Name, ct);
        if (belowCut && await OccludedAsync(cut, written, ct) is { } occluded)
        {
            return occluded;
        }

        if (await WildcardAliasesAsync(written, ct) is { } wildcard)
        {
            return wildcard;
        }

        if (written is { Type: RecordTypes.Ns, Disabled: false, Target: { } nameserver }
            && await _addresses.IsInsideAsync(nameserver, ct) && !await _addresses.HasAddressAsync(nameserver, ct))
        {
            return new RecordError(ErrorCodes.NsTargetNeedsAddress,
                $"{nameserver} lies inside this zone, so resolvers can reach that nameserver only through an A or AAAA record at "
                + $"{nameserver} (RFC 1034 §4.2.2; BIND refuses to load the zone without one). Add the address first, then the NS record.");
        }

        if (written is { Type: RecordTypes.A or RecordTypes.Aaaa, Disabled: true } && await AddressLostAsync(written.Name, false, ct) is { } lost)
        {
            return lost;
        }

        if (written.Type is RecordTypes.Mx or RecordTypes.Https or RecordTypes.Svcb)
        {
            var rrset = await db.Records.AsNoTracking()
                .Where(r => r.ZoneId == zone.Id && r.Name == written.Name && r.Type == written.Type).ToListAsync(ct);
            if (RRsetShape.Check(written, rrset) is { } shape)
            {
                return shape;
            }
        }

        return null;
    }

    public async Task<RecordError?> AfterDeleteAsync(IReadOnlyList<DnsRecord> deleted, CancellationToken ct)
    {
        foreach (var atName in deleted.GroupBy(r => r.Name))
        {
            // Removing one of a delegation's NS records can leave the glue of its target hidden.
            var nameservers = atName.Any(r => r.Type == RecordTypes.Ns);
            var error = (nameservers ? await OccludedAsync(await _cuts.HighestAboveAsync(zone, atName.Key, ct), null, ct) : null)
                ?? (nameservers || atName.Any(r => r.Type is RecordTypes.A or RecordTypes.Aaaa)
                    ? await AddressLostAsync(atName.Key, nameservers, ct)
                    : null)
                ?? await WildcardExposedAsync(atName.Key, ct);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// A record at or below a delegation (or another zone of the customer's) that is neither its NS records nor glue;
    /// <paramref name="highestCut"/> is the highest cut above the name in question, as the write leaves the zone.
    /// </summary>
    private async Task<RecordError?> OccludedAsync(ZoneCuts.ZoneCut? highestCut, DnsRecord? written, CancellationToken ct)
    {
        if (highestCut is not { } cut || await _cuts.FirstHiddenAsync(zone.Id, cut.Name, ct) is not { } hidden)
        {
            return null;
        }

        var why = cut.IsZone
            ? $"{cut.Name} is the apex of your zone {cut.Name.TrimEnd('.')}, which answers for every name at or below it"
            : $"{cut.Name} is delegated by its NS records, so every name at or below it belongs to the child zone";
        var what = written is not null && hidden.Name == written.Name && hidden.Type == written.Type && hidden.Content == written.Content
            ? $"The {hidden.Type} record at {hidden.Name} would never be served"
            : $"This change would leave the {hidden.Type} record {hidden.Content} at {hidden.Name} hidden, never served";
        return new RecordError(ErrorCodes.OccludedRecord,
            $"{what}: {why} (RFC 1034 §4.2.1). Only NS records at {cut.Name} and the A/AAAA records of their targets (glue) may be "
            + $"here. Put the record in the zone that answers for {cut.Name}, or remove what is in the way first.");
    }

    /// <summary>
    /// Addresses at <paramref name="name"/> went away, or (<paramref name="delegationRemoved"/>) NS records there did, which
    /// brings the names below back into the zone: an NS record whose target they were may be left without an address.
    /// </summary>
    private async Task<RecordError?> AddressLostAsync(string name, bool delegationRemoved, CancellationToken ct)
    {
        var wildcard = OwnerNameTree.IsWildcard(name);
        var branch = wildcard ? OwnerNameTree.Parent(name) : name;
        return await _addresses.FirstWithoutAddressAsync(name, branch, wildcard || delegationRemoved, ct) is { } ns
            ? new RecordError(ErrorCodes.NsTargetNeedsAddress,
                $"The NS record at {ns.Name} points at {ns.Target}, which would be left without an enabled A or AAAA record in this zone, "
                + "so resolvers could not reach that nameserver (BIND refuses to load such a zone). Point the NS record elsewhere or "
                + "delete it first.")
            : null;
    }

    /// <summary>Targets and alias chains that go through a wildcard CNAME (RFC 4592), which the exact-name rules do not see.</summary>
    private async Task<RecordError?> WildcardAliasesAsync(DnsRecord written, CancellationToken ct)
    {
        var pointer = RecordTypes.TargetsMustNotBeCname(written.Type);
        var alias = RecordTypes.IsAliasLike(written.Type);
        if (!pointer && !alias)
        {
            return null;
        }

        await db.Database.TakeAliasGraphLockAsync(zone.CustomerId, ct);
        if (pointer && written.Target is { } target && await _answering.CnameAnsweringAsync(target, ct) is { } cname)
        {
            return new RecordError(ErrorCodes.TargetIsCname,
                $"{target} is answered by the wildcard CNAME {cname.Owner} (to {cname.Target}), and an {written.Type} record must not "
                + $"point at a CNAME (RFC 2181 §10.3, RFC 2782, RFC 4592). Give {target} an address record of its own, or point at "
                + $"{cname.Target} instead.");
        }

        if (written.Type == RecordTypes.Cname && OwnerNameTree.IsWildcard(written.Name)
            && await _answering.PointerAnsweredByAsync(zone.Id, OwnerNameTree.Parent(written.Name), written.Name, ct) is { } answered)
        {
            return new RecordError(ErrorCodes.TargetIsCname,
                $"The {answered.Type} record at {answered.Name} points at {answered.Target}, which this wildcard CNAME would answer for "
                + "(RFC 4592), and an MX, NS or SRV target must not be a CNAME (RFC 2181 §10.3, RFC 2782). Give "
                + $"{answered.Target} an address record of its own first, or point the {answered.Type} record elsewhere.");
        }

        return alias && written.Target is { } aliasTarget ? await ChainAsync(written.Name, aliasTarget, null, ct) : null;
    }

    /// <summary>
    /// After a deletion, a name that no longer exists is answered by the wildcard at its closest encloser: the
    /// MX, NS and SRV records and the alias chains that pointed at it now go through that wildcard.
    /// </summary>
    private async Task<RecordError?> WildcardExposedAsync(string name, CancellationToken ct)
    {
        var branch = OwnerNameTree.BelowApex(name, zone.Name + ".").ToArray();
        if (branch.Length == 0)
        {
            return null;
        }

        var existing = (await db.Database.SqlQuery<string>($"""
            SELECT a.name AS "Value" FROM unnest({branch}::text[]) WITH ORDINALITY AS a(name, depth)
            WHERE zoneapi_subtree_exists({zone.Id}, a.name)
            ORDER BY a.depth DESC
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();
        if (existing == name)
        {
            return null;
        }

        // The highest name that went away, and the wildcard that now answers for it and everything below it.
        var vanished = existing is null ? branch[0] : branch[Array.IndexOf(branch, existing) + 1];
        var wildcard = "*." + (existing ?? zone.Name + ".");
        var alias = await db.Records.AsNoTracking()
            .Where(r => r.ZoneId == zone.Id && r.Name == wildcard && (r.Type == RecordTypes.Cname || r.Type == RecordTypes.Alias))
            .FirstOrDefaultAsync(ct);
        if (alias?.Target is not { } target)
        {
            return null;
        }

        await db.Database.TakeAliasGraphLockAsync(zone.CustomerId, ct);
        if (alias.Type == RecordTypes.Cname && await _answering.PointerAnsweredByAsync(zone.Id, vanished, wildcard, ct) is { } answered)
        {
            return new RecordError(ErrorCodes.TargetIsCname,
                $"The {answered.Type} record at {answered.Name} points at {answered.Target}; without this record the wildcard CNAME "
                + $"{wildcard} would answer for it (RFC 4592), and an MX, NS or SRV target must not be a CNAME (RFC 2181 §10.3, "
                + $"RFC 2782). Point the {answered.Type} record elsewhere first.");
        }

        return await ChainAsync(wildcard, target, vanished, ct);
    }

    /// <summary>Loops and over-long chains through the alias <paramref name="owner"/> → <paramref name="target"/>, wildcards followed.</summary>
    private async Task<RecordError?> ChainAsync(string owner, string target, string? exposed, CancellationToken ct)
    {
        var (ahead, runInto) = await _answering.ChainThroughAsync(owner, target, RecordRules.MaxChainHops + 1, ct);
        var cause = exposed is null
            ? $"{owner} → {target}"
            : $"Without this record the wildcard {owner} would answer for {exposed}, and {owner} → {target}";
        if (ahead.Any(step => step.Hops > 1 && step.Via == owner))
        {
            return new RecordError(ErrorCodes.CnameLoop,
                $"{cause} would close a loop: following the aliases from {target}, wildcards included (RFC 4592), comes back to "
                + $"{owner}, and resolvers would go round it forever. Point it at a name that ends in addresses.");
        }

        var hops = runInto + ahead.Max(step => step.Hops);
        return hops <= RecordRules.MaxChainHops ? null : new RecordError(ErrorCodes.CnameChainTooLong,
            $"{cause} would make a chain of {hops} aliases through names in your zones, wildcards included (RFC 4592); resolvers "
            + $"give up after about {RecordRules.MaxChainHops}. Point the alias nearer the end of the chain.");
    }
}

/// <summary>What the lock's round trip of a write read about zone cuts above the written name (<see cref="ZoneCuts.HighestAboveSql"/>).</summary>
internal sealed record CutsRead(ZoneCuts.ZoneCut? Highest);
