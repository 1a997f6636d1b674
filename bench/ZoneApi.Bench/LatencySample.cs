using System.Globalization;

namespace ZoneApi.Bench;

/// <summary>Latencies of one series of requests, and how many of them failed, for the fairness report.</summary>
public sealed class LatencySample
{
    private readonly List<double> _milliseconds = [];
    private readonly Dictionary<int, int> _statuses = [];
    private readonly Lock _lock = new();

    public void Add(TimeSpan elapsed, int status)
    {
        lock (_lock)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _milliseconds.Count;
            }
        }
    }

    /// <summary>The nearest-rank percentile (p in 0-100).</summary>
    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public double Max => Percentile(100);

    /// <summary>"201×300" or "201×280 503×20".</summary>
    public string Statuses()
    {
        lock (_lock)
        {
            return string.Join(" ", _statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}×{s.Value}")));
        }
    }
}
