using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;
using static CrmPlatform.Billing.Tests.Behaviour.WorkedExamples;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class PaymentBehaviourReporterTests
{
    private static readonly PaymentBehaviourReport Report =
        PaymentBehaviourReporter.Report(SlowBuild.All, SlowBuild.Events, TermsPolicyDefaults.Policy, Today);

    [Fact]
    public void Report_GradesAndRecommendsAsTheWorkedExampleDoes()
    {
        Assert.Equal((PaymentGrade.D, 50), (Report.Assessment.Grade, Report.RecommendedTerms.UpfrontPercent));
    }

    [Fact]
    public void Report_AgesTheOpenInvoice()
    {
        // INV-204: 2,000 open, 90 days past due.
        Assert.Equal(new CurrencyAging("EUR", 0m, 0m, 0m, 2_000m, 0m), Report.Aging.Single());
    }

    [Fact]
    public void Report_GivesEachInvoicesDaysBeyondTerms()
    {
        Assert.Equal(["INV-201 60", "INV-202 30", "INV-203 45", "INV-204 90"], Report.Invoices.Select(i => $"{i.Invoice.Number} {i.DaysBeyondTerms:0.##}"));
    }
}
