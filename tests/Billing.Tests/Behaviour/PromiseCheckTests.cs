using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class PromiseCheckTests
{
    private static readonly InvoiceFacts Invoice = Open("INV-1", 1000m, Day(2026, 10, 1));

    private static CollectionEvent Promise(DateOnly by, decimal? amount = 1000m) => new()
    {
        Kind = CollectionEventKind.PromiseToPay,
        On = Day(2026, 11, 1),
        InvoiceId = Invoice.Id,
        PromisedDate = by,
        PromisedAmount = amount,
    };

    [Fact]
    public void APromise_IsKept_WhenThePromisedAmountArrivesByItsDate()
    {
        var paid = Invoice.Paying((Day(2026, 11, 10), 1000m));

        Assert.Equal(PromiseResult.Kept, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), paid, Today));
    }

    [Fact]
    public void APromise_IsKept_WhenTheMoneyArrivesWithinThreeGraceDays()
    {
        var paid = Invoice.Paying((Day(2026, 11, 13), 1000m));

        Assert.Equal(PromiseResult.Kept, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), paid, Today));
    }

    [Fact]
    public void APromise_IsBroken_WhenTheMoneyArrivesAfterTheGraceDays()
    {
        var paid = Invoice.Paying((Day(2026, 11, 14), 1000m));

        Assert.Equal(PromiseResult.Broken, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), paid, Today));
    }

    [Fact]
    public void APromise_IsBroken_WhenLessThanPromisedArrives()
    {
        var paid = Invoice.Paying((Day(2026, 11, 10), 999.99m));

        Assert.Equal(PromiseResult.Broken, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), paid, Today));
    }

    [Fact]
    public void APromise_IsPending_UntilItsGraceDaysHavePassed()
    {
        Assert.Equal(PromiseResult.Pending, PromiseCheck.Decide(Promise(Day(2026, 11, 28)), Invoice, Today));
    }

    [Fact]
    public void APromise_IsKeptEarly_AsSoonAsTheMoneyArrives()
    {
        var paid = Invoice.Paying((Day(2026, 11, 20), 1000m));

        Assert.Equal(PromiseResult.Kept, PromiseCheck.Decide(Promise(Day(2026, 12, 15)), paid, Today));
    }

    [Fact]
    public void APromise_CountsNoMoneyReceivedBeforeItWasMade()
    {
        var paid = Invoice.Paying((Day(2026, 10, 20), 1000m)) with { Amount = 2000m };

        Assert.Equal(PromiseResult.Broken, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), paid, Today));
    }

    [Fact]
    public void APromise_IsKept_WhenTheInvoiceIsCreditedToZeroInTime()
    {
        var credited = Invoice.Crediting(Day(2026, 11, 5), 1000m, CreditNoteReason.DisputeSettlement);

        Assert.Equal(PromiseResult.Kept, PromiseCheck.Decide(Promise(Day(2026, 11, 10)), credited, Today));
    }

    [Fact]
    public void APromiseWithoutAnAmount_IsForTheBalanceOpenWhenItWasMade()
    {
        var partly = Invoice.Paying((Day(2026, 10, 20), 400m), (Day(2026, 11, 9), 600m));

        Assert.Equal(PromiseResult.Kept, PromiseCheck.Decide(Promise(Day(2026, 11, 10), amount: null), partly, Today));
    }

    [Fact]
    public void APromiseWithoutAnInvoice_CannotBeChecked()
    {
        Assert.Equal(PromiseResult.CannotBeChecked, PromiseCheck.Decide(Promise(Day(2026, 11, 10)) with { InvoiceId = null }, Invoice, Today));
    }
}
