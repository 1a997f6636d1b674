namespace ZoneApi.Data;

/// <summary>
/// An exclusive lock on a file (flock on Unix): two processes starting the same local cluster for the first time
/// would otherwise both run initdb into one folder. Released when disposed, or by the kernel when the process dies.
/// </summary>
internal sealed class StartLock(FileStream file) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<StartLock> AcquireAsync(string path, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Patience);
        while (true)
        {
            try
            {
                return new StartLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
            catch (IOException)
            {
                throw new LocalDatabaseException($"Another process has held {path} for {Patience.TotalMinutes:0} minutes; is a ZoneApi stuck starting?");
            }
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
