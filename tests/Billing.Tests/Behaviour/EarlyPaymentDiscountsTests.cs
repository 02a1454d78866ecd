using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class EarlyPaymentDiscountsTests
{
    // Issued 1 October, 2 % within 10 days, net 30.
    private static readonly InvoiceFacts Invoice = Open("INV-1", 1234.50m, Day(2026, 10, 31)) with
    {
        IssueDate = Day(2026, 10, 1),
        Terms = new InvoiceTerms(30, new EarlyPaymentDiscount(2m, 10)),
    };

    [Fact]
    public void ADiscount_IsEarned_ByAPaymentOnItsLastDay()
    {
        // 1,234.50 × 2 % = 24.69.
        Assert.Equal(24.69m, EarlyPaymentDiscounts.EarnedOn(Invoice, Day(2026, 10, 11)));
    }

    [Fact]
    public void ADiscount_IsNotEarned_TheDayAfter()
    {
        Assert.Equal(0m, EarlyPaymentDiscounts.EarnedOn(Invoice, Day(2026, 10, 12)));
    }

    [Fact]
    public void ADiscountTakenLate_IsAShortPayment()
    {
        Assert.Equal(CreditNoteReason.EarlyPaymentDiscountExpired, EarlyPaymentDiscounts.ReasonFor(Invoice, Day(2026, 10, 20)));
    }

    [Fact]
    public void ADiscountTakenInTime_IsTheTermsAtWork()
    {
        Assert.Equal(CreditNoteReason.EarlyPaymentDiscount, EarlyPaymentDiscounts.ReasonFor(Invoice, Day(2026, 10, 5)));
    }

    [Fact]
    public void ADiscountTaken_OnAnInvoiceWithoutOne_IsAShortPayment()
    {
        Assert.Equal(CreditNoteReason.EarlyPaymentDiscountExpired, EarlyPaymentDiscounts.ReasonFor(Invoice with { Terms = new InvoiceTerms(30) }, Day(2026, 10, 5)));
    }
}
