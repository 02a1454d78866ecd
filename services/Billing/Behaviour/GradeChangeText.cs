namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Why a grade changed, in words, for the grade history and the PaymentGradeChanged event:
/// "B → C: 71 → 63 points; payment score 73 → 68, broken promises to pay 0 → -5".
/// Null when the grade did not change.
/// </summary>
public static class GradeChangeText
{
    public static string? Describe(GradeAssessment? before, GradeAssessment after)
    {
        var from = before?.Grade ?? PaymentGrade.NotEnoughHistory;
        if (from == after.Grade)
        {
            return null;
        }

        var head = $"{Name(from)} → {Name(after.Grade)}";
        if (before?.Points is not { } oldPoints || after.Points is not { } newPoints)
        {
            return $"{head}: {after.Summary}";
        }

        var moved = after.Factors
            .Select(f => (f.Name, Old: before.Factors.FirstOrDefault(o => o.Kind == f.Kind)?.Points ?? 0m, New: f.Points))
            .Where(f => f.Old != f.New)
            .Select(f => $"{f.Name.ToLowerInvariant()} {GradeFactors.Number(f.Old)} → {GradeFactors.Number(f.New)}");
        return $"{head}: {GradeFactors.Number(oldPoints)} → {GradeFactors.Number(newPoints)} points; {string.Join(", ", moved)}";
    }

    private static string Name(PaymentGrade grade) => grade is PaymentGrade.NotEnoughHistory ? "not enough history" : grade.ToString();
}
