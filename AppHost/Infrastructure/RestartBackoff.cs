namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>How long the supervisor waits before restarting a crashed process.</summary>
public static class RestartBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>1, 2, 4 ... 30 s, so a service that cannot start does not spin the machine.</summary>
    /// <param name="restarts">How many restarts this one makes, counting it (1 for the first).</param>
    public static TimeSpan After(int restarts) =>
        TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, Math.Clamp(restarts - 1, 0, 5))));
}
