namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A company's payment grade with everything needed to recompute it by hand: the score and the
/// experiences behind it, each factor with its points, and the grade the total points fall in.
/// With fewer than three settled invoices the grade is NotEnoughHistory and Points is null.
/// </summary>
public sealed record GradeAssessment(
    PaymentGrade Grade,
    PaymentScore Score,
    decimal? Points,
    int SettledInvoiceCount,
    IReadOnlyList<GradeFactor> Factors,
    string Summary);
