namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// One line of a grade's explanation: what was counted, how many times (or the score), the points
/// each occurrence costs, the points it came to (positive for the score, negative for penalties),
/// the invoices that drove it, and a sentence saying so.
/// </summary>
public sealed record GradeFactor(
    GradeFactorKind Kind,
    string Name,
    decimal Value,
    decimal PointsEach,
    decimal Points,
    IReadOnlyList<InvoiceRef> Invoices,
    string Description);
