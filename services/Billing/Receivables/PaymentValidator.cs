using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

internal static class PaymentValidator
{
    public const int MaxAllocations = 1000;

    /// <summary>Every problem a payment has on its own (the invoices it names are checked against the database after); its company id.</summary>
    public static Guid Validate(Proto.Payment? payment, FieldViolations violations, string field = "payment")
    {
        if (payment is null)
        {
            violations.Add(field, "is required");
            return Guid.Empty;
        }

        var companyId = ResourceId.Parse(payment.CompanyId, $"{field}.company_id", violations);
        violations.Money($"{field}.amount", payment.Amount, required: true, positive: true);
        violations.Date($"{field}.received_date", payment.ReceivedDate, required: true);
        violations
            .Check(Enum.IsDefined(payment.Method), $"{field}.method", "must be a known payment method")
            .MaxLength($"{field}.reference", payment.Reference, Data.Payment.MaxReferenceLength)
            .MaxLength($"{field}.external_id", payment.ExternalId, Data.Invoice.MaxExternalIdLength)
            .Check(payment.Allocations.Count <= MaxAllocations, $"{field}.allocations", $"must be at most {MaxAllocations}");

        var currency = payment.Amount?.CurrencyCode;
        var seen = new HashSet<Guid>();
        var sum = 0m;
        var exact = payment.Amount is not null && Amounts.IsMoneyWellFormed(payment.Amount);
        for (var i = 0; i < payment.Allocations.Count && i < MaxAllocations; i++)
        {
            var allocation = payment.Allocations[i];
            var at = $"{field}.allocations[{i}]";
            var invoiceId = ResourceId.Parse(allocation.InvoiceId, $"{at}.invoice_id", violations);
            violations.Check(invoiceId == Guid.Empty || seen.Add(invoiceId), $"{at}.invoice_id", "names an invoice another allocation already names");
            violations.Money($"{at}.amount", allocation.Amount, required: true, positive: true);
            if (allocation.Amount is null || !Amounts.IsMoneyWellFormed(allocation.Amount))
            {
                exact = false;
                continue;
            }

            if (allocation.Amount.CurrencyCode != currency)
            {
                violations.Add($"{at}.amount.currency_code", $"must be the payment's currency, {currency}: one sum never mixes currencies");
                exact = false;
                continue;
            }

            sum += allocation.Amount.ToDecimal();
        }

        if (exact && payment.Allocations.Count > 0 && payment.Amount!.ToDecimal() > 0 && sum > payment.Amount!.ToDecimal())
        {
            violations.Add($"{field}.allocations", $"add up to {Amounts.Format(sum, currency!)}, more than the payment's {Amounts.Format(payment.Amount!.ToDecimal(), currency!)}");
        }

        return companyId;
    }
}
