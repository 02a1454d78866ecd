using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// What time alone does to a stored verdict, with the boundaries of <see cref="ContactVerdicts.Judge"/>:
/// a subject on target (or not judged yet) becomes neglected once its due time has passed; an
/// over-contacted verdict lapses when its window empties; a neglected subject stays so until a
/// contact is written.
/// </summary>
internal static class VerdictClock
{
    public const string OnTarget = nameof(Proto.Verdict.OnTarget);
    public const string Neglected = nameof(Proto.Verdict.Neglected);
    public const string OverContacted = nameof(Proto.Verdict.OverContacted);

    /// <summary>Looks again at least this often, so a missed wake or a changed clock costs a minute.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>A pause before looking again at an alarm already come: another instance may hold it.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <summary>When time alone next changes <paramref name="verdict"/>; null: only a write can.</summary>
    public static DateTimeOffset? NextChange(string? verdict, DateTimeOffset dueAt, DateTimeOffset? overContactedUntil) => verdict switch
    {
        OverContacted => overContactedUntil,
        Neglected => null,
        _ => dueAt,
    };

    /// <summary>Whether time has made <paramref name="verdict"/> stale by <paramref name="now"/>.</summary>
    public static bool IsStale(string? verdict, DateTimeOffset dueAt, DateTimeOffset? overContactedUntil, DateTimeOffset now) => verdict switch
    {
        OverContacted => overContactedUntil is not { } until || until <= now,
        Neglected => false,
        _ => now > dueAt,
    };

    /// <summary>How long the watcher sleeps when the earliest alarm is <paramref name="next"/>.</summary>
    public static TimeSpan Sleep(DateTimeOffset? next, DateTimeOffset now)
    {
        if (next is not { } at)
        {
            return MaxSleep;
        }

        var wait = at - now;
        return wait <= TimeSpan.Zero ? Retry : wait < MaxSleep ? wait : MaxSleep;
    }
}
