namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Grades a company from its invoices and collection events: points = score (see
/// <see cref="PaymentScorer"/>) less the penalties of <see cref="GradeRules"/>, and the grade is the
/// band the points fall in. Fewer than three invoices settled in the last 24 months, or nothing to
/// score, gives NotEnoughHistory: the factors are still listed, but no grade is made up.
/// </summary>
public static class PaymentGrader
{
    public static GradeAssessment Assess(IReadOnlyList<InvoiceFacts> invoices, IReadOnlyList<CollectionEvent> events, DateOnly today)
    {
        var score = PaymentScorer.Score(invoices, today);
        var occurrences = GradeOccurrences.Find(invoices, events, today);
        var penalties = GradeRules.Penalties.Select(kind => GradeFactors.Penalty(kind, occurrences)).ToList();
        List<GradeFactor> factors = [GradeFactors.FromScore(score), .. penalties];
        var settled = SettledInWindow(invoices, today);

        if (settled < GradeRules.MinimumSettledInvoices || score.Score is null)
        {
            var summary = $"Not enough history: {settled} invoice{(settled == 1 ? "" : "s")} settled in the last 24 months, at least {GradeRules.MinimumSettledInvoices} are needed for a grade.";
            return new GradeAssessment(PaymentGrade.NotEnoughHistory, score, null, settled, factors, summary);
        }

        var points = score.Score.Value + penalties.Sum(p => p.Points);
        var grade = GradeRules.GradeFor(points);
        return new GradeAssessment(grade, score, points, settled, factors, Summary(grade, score.Score.Value, penalties, points));
    }

    /// <summary>Settled (paid, credited or written off) on a day within the last 24 months; when that day is unknown, the due date stands in.</summary>
    public static int SettledInWindow(IEnumerable<InvoiceFacts> invoices, DateOnly today)
    {
        var windowStart = RecencyWeight.WindowStartExclusive(today);
        return invoices.Count(i => InvoiceBalance.IsSettledBy(i, today)
            && (InvoiceBalance.SettledOn(i) ?? i.DueDate) is var on && on > windowStart && on <= today);
    }

    private static string Summary(PaymentGrade grade, int score, IReadOnlyList<GradeFactor> penalties, decimal points)
    {
        var taken = penalties.Where(p => p.Points != 0m).Select(p => $" − {GradeFactors.Number(-p.Points)} ({p.Name.ToLowerInvariant()})");
        return $"Grade {grade}: score {score}{string.Concat(taken)} = {GradeFactors.Number(points)} points; {GradeRules.BandOf(grade)}.";
    }
}
