using System.Diagnostics;

namespace CrmPlatform.Benchmarks;

/// <summary>Milliseconds of calls made one after another, and their percentiles.</summary>
public sealed class Latency
{
    private readonly List<double> milliseconds = [];

    /// <summary>
    /// Up to <paramref name="calls"/> calls, fewer when <paramref name="budget"/> runs out first:
    /// a slow call is measured fewer times rather than for hours.
    /// </summary>
    public static async Task<Latency> Measure(int calls, Func<int, Task> call, TimeSpan? budget = null)
    {
        var latency = new Latency();
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < calls && (budget is null || spent.Elapsed < budget); i++)
        {
            var clock = Stopwatch.StartNew();
            await call(i);
            latency.milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }

        return latency;
    }

    public int Count => milliseconds.Count;

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
