using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

/// <summary>The default policy: level 1 three days before the due date, 2 at +7, 3 at +21, 4 (a letter) at +35; 7 quiet days after a payment.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly DateOnly Due = Day(2026, 10, 1);
    private static readonly InvoiceFacts Invoice = Open("INV-1", 1000m, Due);
    private static readonly ReminderPolicy Policy = ReminderPolicyDefaults.Policy;

    private static ReminderDecision Plan(InvoiceFacts invoice, DateOnly today, params CollectionEvent[] events) =>
        ReminderPlanner.Plan(invoice, events, Policy, today);

    private static CollectionEvent Sent(int level, DateOnly on) =>
        new() { Kind = CollectionEventKind.Reminder, ReminderLevel = level, On = on, InvoiceId = Invoice.Id };

    private static CollectionEvent Event(CollectionEventKind kind, DateOnly on) => new() { Kind = kind, On = on, InvoiceId = Invoice.Id };

    [Fact]
    public void Plan_IsNotDue_BeforeTheFirstLevelsDay()
    {
        var plan = Plan(Invoice, Due.AddDays(-10));

        Assert.Equal((false, "Next: Due in three days (level 1) on 2026-09-28 (3 days before the due date)"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_RemindsBeforeTheDueDate_ForALevelWithNegativeDays()
    {
        Assert.Equal(1, Plan(Invoice, Due.AddDays(-3)).Level?.Level);
    }

    [Fact]
    public void Plan_SendsTheLevelAfterTheLastOneSent_OnItsDay()
    {
        var plan = Plan(Invoice, Due.AddDays(7), Sent(1, Due.AddDays(-3)));

        Assert.Equal((2, "First reminder (level 2) due since 2026-10-08 (7 days after the due date): 1,000.00 EUR open of 1,000.00 EUR"),
            (plan.Level?.Level, plan.Reason));
    }

    [Fact]
    public void Plan_NeverSkipsAnOverdueLevel_EvenWhenALaterOnesDayHasCome()
    {
        Assert.Equal(2, Plan(Invoice, Due.AddDays(40), Sent(1, Due.AddDays(-3))).Level?.Level);
    }

    [Fact]
    public void Plan_SkipsTheBeforeDueLevel_OnceTheDueDateHasPassed()
    {
        Assert.Equal(2, Plan(Invoice, Due.AddDays(10)).Level?.Level);
    }

    [Fact]
    public void Plan_GivesTheClientTheFullInterval_AfterALevelSentLate()
    {
        // Level 2 went out on day 15 instead of 7; level 3 (day 21) waits 14 days after it: day 29.
        var plan = Plan(Invoice, Due.AddDays(21), Sent(1, Due.AddDays(-3)), Sent(2, Due.AddDays(15)));

        Assert.Equal((false, "Next: Second reminder (level 3) on 2026-10-30 (14 days after level 2 was sent on 2026-10-16)"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_AsksForTheRemainingBalanceOnly_AfterAPartialPayment()
    {
        var partly = Invoice.Paying((Due.AddDays(2), 600m));

        var plan = Plan(partly, Due.AddDays(21), Sent(1, Due.AddDays(-3)), Sent(2, Due.AddDays(7)));

        Assert.Equal((3, 400m), (plan.Level?.Level, plan.OpenBalance.Amount));
    }

    [Fact]
    public void Plan_APaymentCancelsThePendingReminder_UntilTheQuietDaysHavePassed()
    {
        // Level 2 was due on day 7 but not yet sent; 300 arrived on day 8; on day 10 nothing is due.
        var partly = Invoice.Paying((Due.AddDays(8), 300m));

        var plan = Plan(partly, Due.AddDays(10), Sent(1, Due.AddDays(-3)));

        Assert.Equal((false, "Next: First reminder (level 2) on 2026-10-16 (7 days after the payment of 2026-10-09)"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_RemindsOfTheRemainder_OnceTheQuietDaysAfterAPaymentHavePassed()
    {
        var partly = Invoice.Paying((Due.AddDays(8), 300m));

        var plan = Plan(partly, Due.AddDays(15), Sent(1, Due.AddDays(-3)));

        Assert.Equal((2, 700m), (plan.Level?.Level, plan.OpenBalance.Amount));
    }

    [Theory]
    [InlineData(InvoiceStage.Paid)]
    [InlineData(InvoiceStage.Void)]
    [InlineData(InvoiceStage.WrittenOff)]
    [InlineData(InvoiceStage.Draft)]
    public void Plan_IsNeverDue_ForAnInvoiceNotOwed(InvoiceStage stage)
    {
        Assert.False(Plan(Invoice with { Stage = stage }, Due.AddDays(30)).IsDue);
    }

    [Fact]
    public void Plan_IsNeverDue_WhenPaymentsCoverTheInvoice_WhateverItsStageSays()
    {
        var plan = Plan(Invoice.Paying((Due.AddDays(3), 1000m)), Due.AddDays(30));

        Assert.Equal((false, "Settled: paid and credited in full"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_IsNeverDue_WhenCreditedToZero()
    {
        var credited = Invoice.Paying((Due, 900m)).Crediting(Due.AddDays(2), 100m, CreditNoteReason.DisputeSettlement);

        Assert.False(Plan(credited, Due.AddDays(30)).IsDue);
    }

    [Fact]
    public void Plan_IsNotDue_WhileADisputeIsOpen()
    {
        var plan = Plan(Invoice, Due.AddDays(30), Event(CollectionEventKind.DisputeOpened, Due.AddDays(5)));

        Assert.Equal((false, "Disputed since 2026-10-06: no reminders until the dispute is resolved"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_IsNotDue_ForAnInvoiceMarkedDisputed()
    {
        Assert.False(Plan(Invoice with { Stage = InvoiceStage.Disputed }, Due.AddDays(30)).IsDue);
    }

    [Fact]
    public void Plan_RemindsAgain_OnceTheDisputeIsResolved()
    {
        var plan = Plan(Invoice, Due.AddDays(30), Event(CollectionEventKind.DisputeOpened, Due.AddDays(5)), Event(CollectionEventKind.DisputeResolved, Due.AddDays(20)));

        Assert.True(plan.IsDue);
    }

    [Fact]
    public void Plan_IsNotDue_WhileAPromiseToPayIsPending()
    {
        var promise = Event(CollectionEventKind.PromiseToPay, Due.AddDays(10)) with { PromisedDate = Due.AddDays(40), PromisedAmount = 1000m };

        var plan = Plan(Invoice, Due.AddDays(30), promise);

        Assert.Equal((false, "Promised to pay by 2026-11-10: no reminder before 2026-11-14"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_RemindsAgain_OnceAPromiseIsBroken()
    {
        var promise = Event(CollectionEventKind.PromiseToPay, Due.AddDays(10)) with { PromisedDate = Due.AddDays(20), PromisedAmount = 1000m };

        Assert.True(Plan(Invoice, Due.AddDays(30), promise).IsDue);
    }

    [Fact]
    public void Plan_StopsAfterTheLastLevel()
    {
        var plan = Plan(Invoice, Due.AddDays(90), Sent(1, Due.AddDays(-3)), Sent(2, Due.AddDays(7)), Sent(3, Due.AddDays(21)), Sent(4, Due.AddDays(35)));

        Assert.Equal((false, "All 4 levels were sent, the last on 2026-11-05: what follows is a person's call"), (plan.IsDue, plan.Reason));
    }

    [Fact]
    public void Plan_IgnoresRemindersOfOtherInvoices()
    {
        var other = Sent(2, Due.AddDays(7)) with { InvoiceId = Guid.CreateVersion7() };

        Assert.Equal(2, Plan(Invoice, Due.AddDays(8), other).Level?.Level);
    }
}
