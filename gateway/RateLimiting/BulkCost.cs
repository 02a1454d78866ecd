namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// What a bulk upload costs: one request for the call, then one more for every 64 KiB of body,
/// roughly 250 companies in CSV. A million-row import is thousands of requests, not one.
/// </summary>
public static class BulkCost
{
    public const int BytesPerToken = 64 * 1024;

    /// <summary>The tokens owed once <paramref name="totalBytes"/> have been read, of which <paramref name="charged"/> are paid.</summary>
    public static long Owed(long totalBytes, long charged) => totalBytes / BytesPerToken - charged;
}
