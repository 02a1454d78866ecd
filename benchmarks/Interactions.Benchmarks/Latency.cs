using System.Diagnostics;

namespace CrmPlatform.Benchmarks.Interactions;

/// <summary>Milliseconds of calls made one after another, and their percentiles.</summary>
public sealed class Latency
{
    private readonly List<double> milliseconds = [];

    public static async Task<Latency> Measure(int calls, Func<int, Task> call)
    {
        var latency = new Latency();
        for (var i = 0; i < calls; i++)
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
