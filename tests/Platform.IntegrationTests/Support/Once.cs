namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// A scenario lived through once per test run, however many tests read what it saw: the costly
/// part of those tests (waiting for every service) is paid once, and each test checks one behaviour.
/// </summary>
public sealed class Once<T>(Func<PlatformFixture, Task<T>> live)
{
    private readonly Lock gate = new();
    private Task<T>? run;

    public Task<T> Of(PlatformFixture platform)
    {
        lock (gate)
        {
            return run ??= live(platform);
        }
    }
}
