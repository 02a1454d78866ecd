namespace CrmPlatform.Billing.Behaviour;

/// <summary>Everything known about how one company pays, as of one day: what GetPaymentBehaviour answers.</summary>
public sealed record PaymentBehaviourReport(
    GradeAssessment Assessment,
    IReadOnlyList<InvoiceLateness> Invoices,
    IReadOnlyList<CurrencyAging> Aging,
    IReadOnlyList<SalesOutstanding> DaysSalesOutstanding,
    TermsRecommendation RecommendedTerms);
