using CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Duplicates;

/// <summary>
/// One reason to think two companies are one, weighed on its own (0..1). Reasons are combined
/// as independent evidence: the score is 1 - ∏(1 - weight), so two weak reasons together outweigh
/// either, and no number of reasons reaches certainty.
/// </summary>
internal sealed record Evidence(DuplicateSignal Signal, string Detail, double Weight)
{
    public static Evidence Of(DuplicateSignal signal, string value) => new(signal, value, signal switch
    {
        DuplicateSignal.SameRegistrationNumber => 0.9,
        DuplicateSignal.SameDomain => 0.8,
        DuplicateSignal.SharedEmail => 0.75,
        DuplicateSignal.SameName => 0.7,
        DuplicateSignal.SharedPhone => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Not a shared-key signal."),
    });

    /// <summary>Names alike by trigram similarity (0.5..1): at most as strong as equal names.</summary>
    public static Evidence SimilarName(double similarity) =>
        new(DuplicateSignal.SimilarName, FormattableString.Invariant($"names {similarity * 100:0}% alike"), Math.Round(0.7 * similarity, 3));

    public static double Score(IEnumerable<Evidence> reasons) =>
        Math.Round(1 - reasons.Aggregate(1.0, (doubt, reason) => doubt * (1 - reason.Weight)), 4);

    public DuplicateReason ToProto() => new() { Signal = Signal, Detail = Detail, Weight = Weight };
}
