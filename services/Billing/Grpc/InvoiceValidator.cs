using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.ServiceDefaults.Grpc;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Grpc;

internal static class InvoiceValidator
{
    /// <summary>Every problem of a new invoice; returns the company id when it is well-formed.</summary>
    public static Guid Validate(Proto.Invoice? invoice, FieldViolations violations)
    {
        if (invoice is null)
        {
            violations.Add("invoice", "is required");
            return Guid.Empty;
        }

        var companyId = ResourceId.Parse(invoice.CompanyId, "invoice.company_id", violations);
        violations
            .Required("invoice.number", invoice.Number)
            .MaxLength("invoice.number", invoice.Number, 50);
        ValidateAmount(invoice.Amount, "invoice.amount", violations);

        var issued = ValidDate(invoice.IssueDate, "invoice.issue_date", violations);
        var due = ValidDate(invoice.DueDate, "invoice.due_date", violations);
        if (issued is not null && due is not null && due < issued)
        {
            violations.Add("invoice.due_date", "must not be before the issue date");
        }

        return companyId;
    }

    private static void ValidateAmount(Money? amount, string field, FieldViolations violations)
    {
        if (amount is null)
        {
            violations.Add(field, "is required");
            return;
        }

        violations
            .Check(amount.CurrencyCode.Length == 3 && amount.CurrencyCode.All(char.IsAsciiLetterUpper), $"{field}.currency_code", "must be an ISO 4217 code such as EUR")
            .Check(amount.Nanos is > -1_000_000_000 and < 1_000_000_000, $"{field}.nanos", "must be between -999,999,999 and 999,999,999")
            .Check(amount.Units >= 0 && amount.Nanos >= 0 && (amount.Units > 0 || amount.Nanos > 0), field, "must be positive")
            .Check(amount.Units < 1_000_000_000_000_000, $"{field}.units", "is too large")
            .Check(amount.Nanos % 100_000 == 0, $"{field}.nanos", "must have at most 4 decimal places");
    }

    private static DateOnly? ValidDate(Date? date, string field, FieldViolations violations)
    {
        if (date is null)
        {
            violations.Add(field, "is required");
            return null;
        }

        if (date.Year is < 1900 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, "must be a valid calendar date");
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
