using System.Globalization;

namespace CrmPlatform.Billing.Behaviour;

/// <summary>Builds the explanation's lines: the score the grade starts from, and each penalty with its count and invoices.</summary>
public static class GradeFactors
{
    public static GradeFactor FromScore(PaymentScore score)
    {
        // The invoices that pulled the score down most: late amounts × days × recency weight, largest first.
        var drivers = score.Experiences
            .Where(e => e.DaysBeyondTerms > 0)
            .GroupBy(e => e.Invoice)
            .OrderByDescending(g => g.Sum(e => e.Weight * e.DaysBeyondTerms))
            .Select(g => g.Key)
            .ToList();

        var description = score.Score is { } value
            ? $"Weighted days beyond terms {Number(score.WeightedDaysBeyondTerms!.Value)} over {score.Experiences.Count} payments and open balances of the last 24 months gives a score of {value}"
            : "No payment or past-due balance in the last 24 months to score";
        return new GradeFactor(GradeFactorKind.PaymentScore, GradeRules.NameOf(GradeFactorKind.PaymentScore),
            score.Score ?? 0, 1m, score.Score ?? 0, drivers, description);
    }

    public static GradeFactor Penalty(GradeFactorKind kind, IReadOnlyList<GradeOccurrence> occurrences)
    {
        var mine = occurrences.Where(o => o.Kind == kind).ToList();
        var each = GradeRules.PointsEach(kind);
        var points = -Math.Min(mine.Count * each, GradeRules.MaximumPenaltyPerFactor);
        var invoices = mine.Select(o => o.Invoice).OfType<InvoiceRef>().Distinct().ToList();

        var capped = mine.Count * each > GradeRules.MaximumPenaltyPerFactor ? $", capped at {Number(GradeRules.MaximumPenaltyPerFactor)}" : "";
        var on = invoices.Count > 0 ? $" (on {string.Join(", ", invoices.Select(i => i.Number))})" : "";
        var description = $"{mine.Count} × {Number(each)} = {Number(points)} points{capped}{on}";
        return new GradeFactor(kind, GradeRules.NameOf(kind), mine.Count, each, points, invoices, description);
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
