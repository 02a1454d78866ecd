namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Maps days beyond terms to a score on PAYDEX's scale by straight lines between its anchor points:
/// 20 or more days early = 100 (anticipates), 10 early = 90 (pays within a discount), on the due
/// date = 80, 15 days beyond = 70, 30 = 50, 60 = 40, 90 = 30, 120 = 20, and 240 or more = 1.
/// Between two anchors (d₁, s₁) and (d₂, s₂): score = s₁ + (days − d₁) × (s₂ − s₁) ÷ (d₂ − d₁),
/// rounded half away from zero to a whole number.
/// </summary>
public static class PaydexScale
{
    public static IReadOnlyList<(int Days, int Score)> Anchors { get; } =
    [
        (-20, 100), (-10, 90), (0, 80), (15, 70), (30, 50), (60, 40), (90, 30), (120, 20), (240, 1),
    ];

    public static int ScoreFor(decimal daysBeyondTerms) =>
        (int)Math.Round(ExactScoreFor(daysBeyondTerms), 0, MidpointRounding.AwayFromZero);

    /// <summary>The interpolated score before rounding, for explanations.</summary>
    public static decimal ExactScoreFor(decimal daysBeyondTerms)
    {
        if (daysBeyondTerms <= Anchors[0].Days)
        {
            return Anchors[0].Score;
        }

        for (var i = 1; i < Anchors.Count; i++)
        {
            var (fromDays, fromScore) = Anchors[i - 1];
            var (toDays, toScore) = Anchors[i];
            if (daysBeyondTerms <= toDays)
            {
                return fromScore + (daysBeyondTerms - fromDays) * (toScore - fromScore) / (toDays - fromDays);
            }
        }

        return Anchors[^1].Score;
    }
}
