using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// Reads import rows from REST bodies: JSON lines (one company per line, as the contract's JSON)
/// or CSV with a header naming the columns below. A row that cannot be read is reported, not fatal.
/// </summary>
internal static class ImportFormats
{
    /// <summary>The CSV columns, each setting one field of a company; tags are separated by ';'.</summary>
    private static readonly Dictionary<string, Action<Proto.Company, string>> CsvColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["external_id"] = (c, v) => c.ExternalId = v,
        ["name"] = (c, v) => c.Name = v,
        ["legal_name"] = (c, v) => c.LegalName = v,
        ["registration_number"] = (c, v) => c.RegistrationNumber = v,
        ["website"] = (c, v) => c.Website = v,
        ["domain"] = (c, v) => c.Domain = v,
        ["industry_code"] = (c, v) => (c.Industry ??= new Proto.Industry()).Code = v,
        ["industry_label"] = (c, v) => (c.Industry ??= new Proto.Industry()).Label = v,
        ["employee_count"] = (c, v) => c.EmployeeCount = int.Parse(v, CultureInfo.InvariantCulture),
        ["annual_revenue"] = SetRevenue,
        ["revenue_currency"] = (c, v) => (c.AnnualRevenue ??= new Money()).CurrencyCode = v.ToUpperInvariant(),
        ["phone"] = (c, v) => c.Phone = v,
        ["email"] = (c, v) => c.Email = v,
        ["account_owner"] = (c, v) => c.AccountOwner = v,
        ["lifecycle_stage"] = (c, v) => c.LifecycleStage = Enum.Parse<Proto.LifecycleStage>(v.Replace("_", ""), ignoreCase: true),
        ["tags"] = (c, v) => c.Tags.AddRange(v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        ["street"] = (c, v) => (c.Headquarters ??= new Address { Kind = AddressKind.Headquarters }).Lines.Add(v),
        ["city"] = (c, v) => (c.Headquarters ??= new Address { Kind = AddressKind.Headquarters }).City = v,
        ["region"] = (c, v) => (c.Headquarters ??= new Address { Kind = AddressKind.Headquarters }).Region = v,
        ["postal_code"] = (c, v) => (c.Headquarters ??= new Address { Kind = AddressKind.Headquarters }).PostalCode = v,
        ["country_code"] = (c, v) => (c.Headquarters ??= new Address { Kind = AddressKind.Headquarters }).CountryCode = v,
    };

    /// <summary>The amount; its currency comes from revenue_currency, in whichever order the columns stand.</summary>
    private static void SetRevenue(Proto.Company company, string value)
    {
        var amount = decimal.Parse(value, CultureInfo.InvariantCulture).ToMoney("");
        var revenue = company.AnnualRevenue ??= new Money();
        (revenue.Units, revenue.Nanos) = (amount.Units, amount.Nanos);
    }

    public static string CsvColumnNames => string.Join(", ", CsvColumns.Keys);

    public static async IAsyncEnumerable<ImportInput> JsonLines(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ImportInput input;
            try
            {
                input = ImportInput.Of(JsonParser.Default.Parse<Proto.Company>(line));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
            {
                input = new ImportInput(new Proto.Company(), [("", $"line {lineNumber}: is not a company in JSON: {e.Message}")]);
            }

            yield return input;
        }
    }

    /// <summary>The rows of a CSV body; an unknown header column is the caller's error, found before any row is read.</summary>
    public static async Task<IAsyncEnumerable<ImportInput>> Csv(TextReader reader, CancellationToken cancellationToken)
    {
        var records = new CsvRecords(reader);
        var headerRecord = await records.Next(cancellationToken);
        var header = headerRecord?.Cells ?? [];
        var violations = new FieldViolations();
        if (headerRecord?.Problem is { } problem)
        {
            violations.Add("header", problem);
        }

        for (var i = 0; i < header.Count; i++)
        {
            violations.Check(CsvColumns.ContainsKey(header[i].Trim()), $"header[{i}]", $"'{header[i]}' is not a column; use {CsvColumnNames}");
        }

        violations.Check(header.Count > 0, "header", "is required: the first line names the columns").ThrowIfAny();
        return Rows(records, header.Select(h => h.Trim()).ToList(), cancellationToken);
    }

    /// <summary>A company per record; what cannot be read is that row's problem, with its line.</summary>
    private static async IAsyncEnumerable<ImportInput> Rows(CsvRecords records, List<string> header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await records.Next(cancellationToken) is { } record)
        {
            if (record is { Problem: null, Cells: [""] })
            {
                continue;
            }

            // An unreadable record still gives what cells it can, so its external id is in the report.
            var company = new Proto.Company();
            var problems = new List<(string, string)>();
            if (record.Problem is { } unreadable)
            {
                problems.Add(("", unreadable));
            }
            else if (record.Cells.Count != header.Count)
            {
                problems.Add(("", $"line {record.Line}: has {record.Cells.Count} cells; the header names {header.Count}"));
            }

            foreach (var (column, value) in header.Zip(record.Cells))
            {
                if (value.Length == 0)
                {
                    continue;
                }

                try
                {
                    CsvColumns[column](company, value.Trim());
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    problems.Add((column, $"line {record.Line}: '{value}' is not a valid value"));
                }
            }

            yield return new ImportInput(company, problems);
        }
    }
}
