namespace CrmPlatform.Billing.Behaviour;

/// <summary>One call for a company's whole payment behaviour, so every caller combines the pieces the same way.</summary>
public static class PaymentBehaviourReporter
{
    public static PaymentBehaviourReport Report(
        IReadOnlyList<InvoiceFacts> invoices, IReadOnlyList<CollectionEvent> events, TermsPolicy policy, DateOnly today)
    {
        var assessment = PaymentGrader.Assess(invoices, events, today);
        return new PaymentBehaviourReport(
            assessment,
            invoices.Where(InvoiceBalance.Counts).Select(i => DaysBeyondTerms.For(i, today)).ToList(),
            Aging.ByCurrency(invoices, today),
            DaysSalesOutstanding.ByCurrency(invoices, today),
            TermsRecommender.Recommend(assessment, policy, invoices, today));
    }
}
