using System.Globalization;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

internal static class InvoiceValidator
{
    public const int MaxLines = 1000;
    public const int MaxNetDays = 3650;

    /// <summary>Every problem of a new invoice; returns the company id when it is well-formed.</summary>
    public static Guid Validate(Proto.Invoice? invoice, FieldViolations violations, string field = "invoice")
    {
        if (invoice is null)
        {
            violations.Add(field, "is required");
            return Guid.Empty;
        }

        var companyId = ResourceId.Parse(invoice.CompanyId, $"{field}.company_id", violations);
        violations
            .Required($"{field}.number", invoice.Number)
            .MaxLength($"{field}.number", invoice.Number, Data.Invoice.MaxNumberLength)
            .MaxLength($"{field}.external_id", invoice.ExternalId, Data.Invoice.MaxExternalIdLength);
        if (invoice.ProjectId.Length > 0)
        {
            ResourceId.Parse(invoice.ProjectId, $"{field}.project_id", violations);
        }

        ValidateAmounts(invoice, violations, field);
        ValidateDates(invoice, violations, field);
        return companyId;
    }

    /// <summary>The currency: the amount's, else the first line's.</summary>
    public static string CurrencyOf(Proto.Invoice invoice) =>
        invoice.Amount?.CurrencyCode is { Length: > 0 } code ? code : invoice.Lines.FirstOrDefault()?.Amount?.CurrencyCode ?? "";

    public static decimal? ParseQuantity(string quantity) =>
        decimal.TryParse(quantity, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void ValidateAmounts(Proto.Invoice invoice, FieldViolations violations, string field)
    {
        violations.Money($"{field}.amount", invoice.Amount, required: invoice.Lines.Count == 0, positive: true);
        violations.Check(invoice.Lines.Count <= MaxLines, $"{field}.lines", $"must be at most {MaxLines} lines");
        if (invoice.Lines.Count == 0)
        {
            return;
        }

        var currency = CurrencyOf(invoice);
        var sum = 0m;
        var sumIsExact = true;
        for (var i = 0; i < invoice.Lines.Count && i < MaxLines; i++)
        {
            var line = invoice.Lines[i];
            var at = $"{field}.lines[{i}]";
            violations.Required($"{at}.description", line.Description).MaxLength($"{at}.description", line.Description, 500);
            violations.Money($"{at}.amount", line.Amount, required: true);
            violations.Money($"{at}.unit_price", line.UnitPrice);
            if (line.Quantity.Length > 0)
            {
                violations.Check(ParseQuantity(line.Quantity) is { } q && Math.Abs(q) < 1_000_000_000m && q.Scale <= 4, $"{at}.quantity", "must be a decimal number such as \"2.5\", at most 4 decimal places");
            }

            foreach (var (money, name) in new[] { (line.Amount, "amount"), (line.UnitPrice, "unit_price") })
            {
                if (money is not null && CommonTypes.IsCurrencyCode(money.CurrencyCode) && money.CurrencyCode != currency)
                {
                    violations.Add($"{at}.{name}.currency_code", $"must be the invoice's currency, {currency}: one sum never mixes currencies");
                    sumIsExact = false;
                }
            }

            if (line.Amount is null || !Amounts.IsMoneyWellFormed(line.Amount))
            {
                sumIsExact = false;
                continue;
            }

            sum += line.Amount.ToDecimal();
        }

        if (!sumIsExact)
        {
            return;
        }

        violations.Check(sum > 0, $"{field}.lines", "must add up to a positive amount");
        if (invoice.Amount is not null && Amounts.IsMoneyWellFormed(invoice.Amount))
        {
            violations.Check(invoice.Amount.ToDecimal() == sum, $"{field}.amount", $"must equal the sum of the lines, {sum.ToString(CultureInfo.InvariantCulture)} {currency}");
        }
    }

    private static void ValidateDates(Proto.Invoice invoice, FieldViolations violations, string field)
    {
        var terms = invoice.Terms;
        if (terms is not null)
        {
            violations
                .Check(terms.NetDays is >= 0 and <= MaxNetDays, $"{field}.terms.net_days", $"must be between 0 and {MaxNetDays}")
                .Check(terms.DiscountBasisPoints is >= 0 and < 10_000, $"{field}.terms.discount_basis_points", "must be between 0 and 9999 (100 = 1 %)")
                .Check(terms.DiscountDays is >= 0 and <= MaxNetDays, $"{field}.terms.discount_days", $"must be between 0 and {MaxNetDays}")
                .Check((terms.DiscountBasisPoints > 0) == (terms.DiscountDays > 0), $"{field}.terms.discount_days", "an early-payment discount needs both its rate and its days");
        }

        var issued = violations.Date($"{field}.issue_date", invoice.IssueDate, required: true);
        var due = violations.Date($"{field}.due_date", invoice.DueDate, required: terms is not { NetDays: > 0 });
        if (issued is not null && due is not null && due < issued)
        {
            violations.Add($"{field}.due_date", "must not be before the issue date");
        }
    }
}
