namespace CrmPlatform.IntegrationTests.Support;

/// <summary>Waits for an eventually consistent outcome (events crossing services) instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}.", last);
    }

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Get<object>(async () => await condition() ? new object() : null, what, timeout);
}
