using System.Globalization;
using System.Runtime.CompilerServices;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Import;

/// <summary>
/// History as CSV: a header row naming the columns, then one record a line whose <c>record</c> cell
/// says what it is (invoice, payment or credit_note). Amounts are decimal text ("1250.50", read
/// exactly), dates ISO 8601 ("2026-11-01"); a payment's <c>invoice_external_id</c> allocates all of
/// it (or <c>allocated_amount</c>) to that invoice. A cell that cannot be read fails its row alone.
/// </summary>
internal static class BillingCsv
{
    private sealed class Row
    {
        public string Kind = "";
        public readonly Proto.Invoice Invoice = new();
        public readonly Proto.Payment Payment = new();
        public readonly Proto.CreditNote CreditNote = new();
        public string Currency = "";
        public decimal? Amount;
        public decimal? AllocatedAmount;
        public string InvoiceExternalId = "";
    }

    private static readonly Dictionary<string, Action<Row, string>> Columns = new(StringComparer.Ordinal)
    {
        ["record"] = (r, v) => r.Kind = v.ToLowerInvariant(),
        ["external_id"] = (r, v) => r.Invoice.ExternalId = r.Payment.ExternalId = r.CreditNote.ExternalId = v,
        ["company_id"] = (r, v) => r.Invoice.CompanyId = r.Payment.CompanyId = r.CreditNote.CompanyId = v,
        ["number"] = (r, v) => r.Invoice.Number = v,
        ["currency_code"] = (r, v) => r.Currency = v,
        ["amount"] = (r, v) => r.Amount = ParseDecimal(v),
        ["issue_date"] = (r, v) => r.Invoice.IssueDate = r.CreditNote.IssueDate = ParseDate(v),
        ["due_date"] = (r, v) => r.Invoice.DueDate = ParseDate(v),
        ["net_days"] = (r, v) => Terms(r).NetDays = int.Parse(v, CultureInfo.InvariantCulture),
        ["discount_basis_points"] = (r, v) => Terms(r).DiscountBasisPoints = int.Parse(v, CultureInfo.InvariantCulture),
        ["discount_days"] = (r, v) => Terms(r).DiscountDays = int.Parse(v, CultureInfo.InvariantCulture),
        ["project_id"] = (r, v) => r.Invoice.ProjectId = v,
        ["status"] = (r, v) => r.Invoice.Status = Enum.Parse<Proto.InvoiceStatus>(v.Replace("_", ""), ignoreCase: true),
        ["received_date"] = (r, v) => r.Payment.ReceivedDate = ParseDate(v),
        ["method"] = (r, v) => r.Payment.Method = Enum.Parse<Proto.PaymentMethod>(v.Replace("_", ""), ignoreCase: true),
        ["reference"] = (r, v) => r.Payment.Reference = v,
        ["invoice_external_id"] = (r, v) => r.InvoiceExternalId = v,
        ["allocated_amount"] = (r, v) => r.AllocatedAmount = ParseDecimal(v),
        ["reason"] = (r, v) => r.CreditNote.Reason = Enum.Parse<Proto.CreditReason>(v.Replace("_", ""), ignoreCase: true),
        ["note"] = (r, v) => r.CreditNote.Note = v,
    };

    public static string ColumnNames => string.Join(", ", Columns.Keys);

    /// <summary>The records of a CSV body; an unknown header column is the caller's error, found before any row is read.</summary>
    public static async Task<IAsyncEnumerable<ImportRow>> Read(TextReader reader, CancellationToken cancellationToken)
    {
        var records = new CsvRecords(reader);
        var headerRecord = await records.Next(cancellationToken);
        var header = headerRecord?.Cells.Select(h => h.Trim()).ToList() ?? [];
        var violations = new FieldViolations();
        if (headerRecord?.Problem is { } problem)
        {
            violations.Add("header", problem);
        }

        for (var i = 0; i < header.Count; i++)
        {
            violations.Check(Columns.ContainsKey(header[i]), $"header[{i}]", $"'{header[i]}' is not a column; use {ColumnNames}");
        }

        violations.Check(header.Contains("record"), "header", "must name the record column (invoice, payment or credit_note)").ThrowIfAny();
        return Rows(records, header, cancellationToken);
    }

    private static async IAsyncEnumerable<ImportRow> Rows(CsvRecords records, List<string> header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await records.Next(cancellationToken) is { } record)
        {
            if (record is { Problem: null, Cells: [""] })
            {
                continue;
            }

            var row = new Row();
            var problems = new List<string>();
            if (record.Problem is { } unreadable)
            {
                problems.Add(unreadable);
            }
            else if (record.Cells.Count != header.Count)
            {
                problems.Add($"line {record.Line}: has {record.Cells.Count} cells; the header names {header.Count}");
            }

            foreach (var (column, value) in header.Zip(record.Cells))
            {
                if (value.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    Columns[column](row, value.Trim());
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    problems.Add($"line {record.Line}: {column} '{value}' is not a valid value");
                }
            }

            var built = Build(row);
            if (built is null && problems.Count == 0)
            {
                problems.Add($"line {record.Line}: record must be invoice, payment or credit_note");
            }

            yield return new ImportRow(built ?? new Proto.BillingRecord(), problems.Count > 0 ? string.Join("; ", problems) : null);
        }
    }

    private static Proto.BillingRecord? Build(Row row)
    {
        var amount = row.Amount is { } a ? a.ToMoney(row.Currency) : null;
        switch (row.Kind)
        {
            case "invoice":
                row.Invoice.Amount = amount;
                return new Proto.BillingRecord { Invoice = row.Invoice };
            case "payment":
                row.Payment.Amount = amount;
                if (row.InvoiceExternalId.Length > 0)
                {
                    var allocated = row.AllocatedAmount ?? row.Amount;
                    row.Payment.Allocations.Add(new Proto.PaymentAllocation { InvoiceExternalId = row.InvoiceExternalId, Amount = allocated?.ToMoney(row.Currency) });
                }

                return new Proto.BillingRecord { Payment = row.Payment };
            case "credit_note":
                row.CreditNote.Amount = amount;
                row.CreditNote.InvoiceExternalId = row.InvoiceExternalId;
                return new Proto.BillingRecord { CreditNote = row.CreditNote };
            default:
                return null;
        }
    }

    private static Proto.PaymentTerms Terms(Row row) => row.Invoice.Terms ??= new Proto.PaymentTerms();

    private static decimal ParseDecimal(string value) =>
        decimal.Parse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static Date ParseDate(string value)
    {
        var day = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }
}
