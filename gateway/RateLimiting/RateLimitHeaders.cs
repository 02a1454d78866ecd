using System.Globalization;

namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// The quota as draft-ietf-httpapi-ratelimit-headers (-08 and later) writes it, in structured-field
/// form with one policy named "tenant":
/// <c>RateLimit-Policy: "tenant";q=&lt;burst&gt;;w=&lt;seconds to refill from empty&gt;</c> and
/// <c>RateLimit: "tenant";r=&lt;tokens left&gt;;t=&lt;seconds until full&gt;</c>.
/// A token bucket has no fixed window: the window given is the time an empty bucket takes to
/// refill, so a client that spends q units per w seconds is never refused.
/// </summary>
public static class RateLimitHeaders
{
    public const string PolicyName = "tenant";

    public static string Policy(TenantLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={limits.Burst};w={WholeSeconds(TimeSpan.FromSeconds((double)limits.Burst / limits.RequestsPerSecond))}");

    public static string Current(BucketState state) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={state.Remaining};t={WholeSeconds(state.UntilFull)}");

    /// <summary>Retry-After is whole seconds, never 0: a client told 0 would retry at once and be refused again.</summary>
    public static string RetryAfter(TimeSpan wait) =>
        Math.Max(1, WholeSeconds(wait)).ToString(CultureInfo.InvariantCulture);

    public static void Write(IHeaderDictionary headers, BucketState state)
    {
        headers["RateLimit-Policy"] = Policy(state.Limits);
        headers["RateLimit"] = Current(state);
    }

    private static long WholeSeconds(TimeSpan time) => (long)Math.Ceiling(Math.Round(time.TotalSeconds, 6));
}
