namespace ZoneApi.Records.Batch;

/// <summary>
/// How many more values a zone may take during a batch: counted once under the zone's row lock (which every record
/// write takes, so nothing else changes the count meanwhile), then kept by the batch as its operations add and
/// delete values. An operation asks before it adds a value (<see cref="Take"/>) and settles when it is done.
/// </summary>
internal sealed class RecordRoom(int? left, string fullMessage)
{
    private int? _left = left;
    private bool _taking;

    /// <summary>Null when one more value fits (or there is no quota); otherwise why not.</summary>
    public string? Take()
    {
        if (_left is null)
        {
            return null;
        }

        if (_left <= 0)
        {
            return fullMessage;
        }

        _taking = true;
        return null;
    }

    /// <summary>What the operation came to: an added value takes a place, a deleted one frees one, a refusal neither.</summary>
    public void Settle(RecordResult result)
    {
        if (_left is not null)
        {
            _left += result switch
            {
                RecordResult.Written when _taking => -1,
                RecordResult.Deleted => 1,
                _ => 0,
            };
        }

        _taking = false;
    }
}
