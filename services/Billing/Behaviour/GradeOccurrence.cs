namespace CrmPlatform.Billing.Behaviour;

/// <summary>One thing that costs the grade points, on its day, with the invoice it was about when known.</summary>
public sealed record GradeOccurrence(GradeFactorKind Kind, DateOnly On, InvoiceRef? Invoice);
