using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Standing;

namespace CrmPlatform.Billing.Tests;

/// <summary>Billing's rows onto the behaviour logic's inputs.</summary>
public sealed class BehaviourMappingTests
{
    private static Invoice Row() => new()
    {
        Number = "INV-9",
        CurrencyCode = "EUR",
        Amount = 1000,
        IssueDate = new DateOnly(2026, 10, 1),
        DueDate = new DateOnly(2026, 10, 31),
        NetDays = 30,
        DiscountBasisPoints = 200,
        DiscountDays = 10,
        Status = InvoiceStatus.PartiallyPaid,
    };

    [Fact]
    public void TwoHundredBasisPointsWithinTenDays_IsTwoPercentWithinTenDays() =>
        Assert.Equal(new EarlyPaymentDiscount(2m, 10), Row().ToFacts([], []).Terms.EarlyDiscount);

    [Fact]
    public void AnInvoiceWithoutADiscount_OffersNone()
    {
        var row = Row();
        row.DiscountBasisPoints = 0;
        row.DiscountDays = 0;

        Assert.Null(row.ToFacts([], []).Terms.EarlyDiscount);
    }

    [Theory]
    [InlineData(CreditReason.DiscountDemanded, CreditNoteReason.DiscountDemanded)]
    [InlineData(CreditReason.EarlyPaymentDiscountExpired, CreditNoteReason.EarlyPaymentDiscountExpired)]
    [InlineData(CreditReason.Commercial, CreditNoteReason.Commercial)]
    public void EachCreditReason_KeepsItsMeaning(CreditReason reason, CreditNoteReason expected) =>
        Assert.Equal(expected, reason.ToBehaviour());

    [Fact]
    public void AReminder_KeepsItsLevelAndInvoice()
    {
        var invoiceId = Guid.CreateVersion7();
        var effort = new CollectionEffort { Kind = CollectionEffortKind.Reminder, Level = 2, InvoiceId = invoiceId, OccurredOn = new DateOnly(2026, 11, 10) };

        var mapped = effort.ToEvent();

        Assert.Equal((CollectionEventKind.Reminder, 2, invoiceId), (mapped.Kind, mapped.ReminderLevel, mapped.InvoiceId));
    }

    [Fact]
    public void TheStage_IsTheStatus() => Assert.Equal(InvoiceStage.PartiallyPaid, Row().ToFacts([], []).Stage);
}
