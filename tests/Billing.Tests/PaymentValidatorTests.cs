using CrmPlatform.Billing.Receivables;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>A payment's bad input on its own, every problem named by its field at once.</summary>
public sealed class PaymentValidatorTests
{
    private static readonly string CompanyId = Guid.CreateVersion7().ToString();

    private static Money Eur(long units) => new() { CurrencyCode = "EUR", Units = units };

    private static Proto.Payment Valid(Action<Proto.Payment>? change = null)
    {
        var payment = new Proto.Payment
        {
            CompanyId = CompanyId,
            Amount = Eur(500),
            ReceivedDate = new Date { Year = 2026, Month = 11, Day = 20 },
            Method = Proto.PaymentMethod.BankTransfer,
            Allocations = { new Proto.PaymentAllocation { InvoiceId = Guid.CreateVersion7().ToString(), Amount = Eur(300) } },
        };
        change?.Invoke(payment);
        return payment;
    }

    private static List<string> Fields(Proto.Payment? payment)
    {
        var violations = new FieldViolations();
        PaymentValidator.Validate(payment, violations);
        return [.. violations.ToList().Select(v => v.Field).Order()];
    }

    [Fact]
    public void AValidPayment_HasNoViolations() => Assert.Empty(Fields(Valid()));

    [Fact]
    public void AMissingPayment_IsAViolationOfIt() => Assert.Equal(["payment"], Fields(null));

    [Fact]
    public void AllocationsAddingUpToMoreThanThePayment_AreAViolationOfTheAllocations() =>
        Assert.Equal(["payment.allocations"], Fields(Valid(p => p.Allocations.Add(new Proto.PaymentAllocation { InvoiceId = Guid.CreateVersion7().ToString(), Amount = Eur(300) }))));

    [Fact]
    public void AnAllocationInAnotherCurrency_IsAViolationOfItsCurrency() =>
        Assert.Equal(["payment.allocations[0].amount.currency_code"], Fields(Valid(p => p.Allocations[0].Amount.CurrencyCode = "SEK")));

    [Fact]
    public void TheSameInvoiceTwice_IsAViolationOfTheSecond() =>
        Assert.Equal(["payment.allocations[1].invoice_id"], Fields(Valid(p => p.Allocations.Add(new Proto.PaymentAllocation { InvoiceId = p.Allocations[0].InvoiceId, Amount = Eur(100) }))));

    [Fact]
    public void ACurrencyThatIsNotIso4217_IsAViolationOfTheCurrencyCode() =>
        Assert.Contains("payment.amount.currency_code", Fields(Valid(p => p.Amount.CurrencyCode = "EUX")));

    [Fact]
    public void ANegativeAmount_IsAViolationOfTheAmount() =>
        Assert.Equal(["payment.amount"], Fields(Valid(p => { p.Amount = Eur(-5); p.Allocations.Clear(); })));

    [Fact]
    public void EveryProblem_IsNamedAtOnce() =>
        Assert.Equal(
            ["payment.allocations[0].invoice_id", "payment.company_id", "payment.received_date"],
            Fields(Valid(p => { p.CompanyId = "acme"; p.ReceivedDate = null; p.Allocations[0].InvoiceId = ""; })));

    [Fact]
    public void AnAmountWithMoreThanFourDecimals_IsAViolationOfItsNanos() =>
        Assert.Equal(["payment.amount.nanos"], Fields(Valid(p => { p.Amount.Nanos = 123_456_789; p.Allocations.Clear(); })));
}
