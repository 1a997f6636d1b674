namespace ZoneApi.Records.Batch;

/// <summary>
/// What the operations of a batch leave for its end: whether anything changed (the SOA serial rises once per
/// batch), and which operation wrote or deleted which value, for the servable-zone checks that then
/// run once on the state the whole batch leaves. That is why a batch may add an NS record before the address of
/// its target, or delete a nameserver's last address and add its new one.
/// </summary>
internal sealed class DeferredChecks
{
    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Operation, DnsRecord Record)> _removed = new(StringComparer.Ordinal);

    /// <summary>The operation being applied, 0-based.</summary>
    public int Operation { get; set; }

    /// <summary>Whether any operation changed anything (an idempotent create that changes nothing does not).</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// A database constraint refused a save (the rules should have refused first). A batch saves without a savepoint
    /// per operation, so the transaction is then aborted and no later operation can be checked.
    /// </summary>
    public bool TransactionAborted { get; set; }

    /// <summary>The zone's room under the records-per-zone quota, counted once and kept by the batch.</summary>
    public RecordRoom Room { get; init; } = new(null, "");

    /// <summary>The batch took the customer's alias-graph lock before its first operation, so operations need not ask again.</summary>
    public bool AliasGraphLocked { get; init; }

    public void Wrote(DnsRecord record)
    {
        _written[record.Id] = Operation;
        _removed.Remove(record.Id);
    }

    /// <summary>The value the last delete removed, for the batch's answer.</summary>
    public DnsRecord? LastRemoved { get; private set; }

    public void Removed(IEnumerable<DnsRecord> records)
    {
        foreach (var record in records)
        {
            LastRemoved = record;
            _removed[record.Id] = (Operation, record);
            _written.Remove(record.Id);
        }
    }

    public IReadOnlyList<string> TouchedIds => [.. _written.Keys, .. _removed.Keys];

    /// <summary>The values written, each with the last operation that wrote it, in operation order.</summary>
    public IEnumerable<(int Operation, string Id)> Written => _written.Select(w => (w.Value, w.Key)).OrderBy(w => w.Value);

    /// <summary>The values deleted and not written again, each with the operation that deleted it, in operation order.</summary>
    public IEnumerable<(int Operation, DnsRecord Record)> Deleted => _removed.Values.OrderBy(r => r.Operation);
}
