using System.Net.Mail;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

internal static class CompanyValidator
{
    /// <summary>Every problem of a company in a create request, with field paths relative to <paramref name="prefix"/>.</summary>
    public static FieldViolations Validate(Proto.Company? company, string prefix, FieldViolations violations, CompanyRules rules)
    {
        if (company is null)
        {
            return violations.Add(prefix, "is required");
        }

        violations
            .Required($"{prefix}.name", company.Name)
            .MaxLength($"{prefix}.name", company.Name, 200)
            .MaxLength($"{prefix}.legal_name", company.LegalName, 200)
            .MaxLength($"{prefix}.website", company.Website, 500)
            .MaxLength($"{prefix}.domain", company.Domain, 253)
            .MaxLength($"{prefix}.phone", company.Phone, 40)
            .MaxLength($"{prefix}.email", company.Email, 320)
            .MaxLength($"{prefix}.account_owner", company.AccountOwner, 200)
            .MaxLength($"{prefix}.industry.code", company.Industry?.Code, 20)
            .MaxLength($"{prefix}.industry.label", company.Industry?.Label, 200)
            .Check(company.EmployeeCount >= 0, $"{prefix}.employee_count", "must not be negative")
            .Check(Enum.IsDefined(company.LifecycleStage), $"{prefix}.lifecycle_stage", "is not a known lifecycle stage")
            .Check(company.Tags.Count <= 50, $"{prefix}.tags", "must have at most 50 tags");

        if (!string.IsNullOrWhiteSpace(company.Website) && !IsWebUrl(company.Website))
        {
            violations.Add($"{prefix}.website", "must be an http or https URL");
        }

        if (!string.IsNullOrWhiteSpace(company.Domain) && Uri.CheckHostName(company.Domain.Trim()) != UriHostNameType.Dns)
        {
            violations.Add($"{prefix}.domain", "must be a domain name such as example.com");
        }

        if (!string.IsNullOrWhiteSpace(company.Email) && !IsEmail(company.Email))
        {
            violations.Add($"{prefix}.email", "must be an email address");
        }

        if (!string.IsNullOrWhiteSpace(company.Phone) && !IsPhone(company.Phone))
        {
            violations.Add($"{prefix}.phone", "must be a phone number: digits, spaces, +, -, ( and )");
        }

        for (var i = 0; i < company.Tags.Count; i++)
        {
            violations
                .Required($"{prefix}.tags[{i}]", company.Tags[i])
                .MaxLength($"{prefix}.tags[{i}]", company.Tags[i], 50);
        }

        ValidateAddress(company.Headquarters, $"{prefix}.headquarters", violations);
        violations
            .MaxLength($"{prefix}.external_id", company.ExternalId, 100)
            .MaxLength($"{prefix}.registration_number", company.RegistrationNumber, 50)
            .Money($"{prefix}.annual_revenue", company.AnnualRevenue)
            .Check(company.AnnualRevenue is null || company.AnnualRevenue.Units >= 0 && company.AnnualRevenue.Nanos >= 0, $"{prefix}.annual_revenue", "must not be negative")
            .Check(company.Addresses.Count <= 20, $"{prefix}.addresses", "must have at most 20 addresses");
        for (var i = 0; i < company.Addresses.Count; i++)
        {
            var address = company.Addresses[i];
            violations.Check(address.Kind is AddressKind.Billing or AddressKind.Shipping or AddressKind.Branch, $"{prefix}.addresses[{i}].kind", "must be BILLING, SHIPPING or BRANCH");
            ValidateAddress(address, $"{prefix}.addresses[{i}]", violations);
        }

        ValidateFinancialStatus(company.FinancialStatus, $"{prefix}.financial_status", violations, rules.Today);
        ValidateOwnership(company.Ownership, company.Id, $"{prefix}.ownership", violations);
        ValidateCustomFields(company.CustomFields, $"{prefix}.custom_fields", violations, rules.CustomFields);
        ValidateStrategy(company.Strategy, $"{prefix}.strategy", violations, rules.Today);
        return violations;
    }

    private static void ValidateAddress(Address? address, string field, FieldViolations violations)
    {
        if (address is null)
        {
            return;
        }

        violations
            .Check(address.Lines.Count <= 5, $"{field}.lines", "must have at most 5 lines")
            .Check(address.Lines.All(l => l.Length <= 200), $"{field}.lines", "must each be at most 200 characters")
            .MaxLength($"{field}.city", address.City, 100)
            .MaxLength($"{field}.region", address.Region, 100)
            .MaxLength($"{field}.postal_code", address.PostalCode, 20)
            .Check(string.IsNullOrEmpty(address.CountryCode) || CommonTypes.IsCountryCode(address.CountryCode), $"{field}.country_code", "must be an ISO 3166-1 alpha-2 code such as SE");
    }

    private static void ValidateFinancialStatus(Proto.FinancialStatus? status, string field, FieldViolations violations, DateOnly today)
    {
        if (status is null)
        {
            return;
        }

        violations
            .MaxLength($"{field}.credit_rating", status.CreditRating, 20)
            .MaxLength($"{field}.source", status.Source, 200)
            .Money($"{field}.last_revenue", status.LastRevenue)
            .Money($"{field}.last_profit", status.LastProfit);
        if (violations.Date($"{field}.as_of_date", status.AsOfDate) > today)
        {
            violations.Add($"{field}.as_of_date", "must not be in the future");
        }
    }

    private static void ValidateOwnership(Proto.Ownership? ownership, string companyId, string field, FieldViolations violations)
    {
        if (ownership is null)
        {
            return;
        }

        if (ownership.ParentCompanyId.Length > 0)
        {
            var parent = ResourceId.Parse(ownership.ParentCompanyId, $"{field}.parent_company_id", violations);
            violations.Check(parent == Guid.Empty || ownership.ParentCompanyId != companyId, $"{field}.parent_company_id", "must not be the company itself");
        }

        violations
            .Check(ownership.Owners.Count <= 50, $"{field}.owners", "must have at most 50 owners")
            .Check(ownership.Owners.Sum(o => o.SharePercent) <= 100.0001, $"{field}.owners", "must together own at most 100 percent");
        for (var i = 0; i < ownership.Owners.Count; i++)
        {
            var owner = ownership.Owners[i];
            violations
                .Required($"{field}.owners[{i}].name", owner.Name)
                .MaxLength($"{field}.owners[{i}].name", owner.Name, 200)
                .Check(Enum.IsDefined(owner.Kind), $"{field}.owners[{i}].kind", "is not a known owner kind")
                .Check(owner.SharePercent is > 0 and <= 100, $"{field}.owners[{i}].share_percent", "must be more than 0 and at most 100");
            if (owner.CompanyId.Length > 0)
            {
                ResourceId.Parse(owner.CompanyId, $"{field}.owners[{i}].company_id", violations);
            }
        }
    }

    private static void ValidateCustomFields(IDictionary<string, Proto.CustomFieldValue> values, string field, FieldViolations violations, IReadOnlyDictionary<string, CustomFieldType> schema)
    {
        foreach (var (key, value) in values)
        {
            if (!schema.TryGetValue(key, out var type))
            {
                violations.Add($"{field}.{key}", "is not one of the tenant's custom fields");
                continue;
            }

            var matches = (type, value.ValueCase) switch
            {
                (CustomFieldType.Text, Proto.CustomFieldValue.ValueOneofCase.TextValue) => value.TextValue.Length <= 1000,
                (CustomFieldType.Number, Proto.CustomFieldValue.ValueOneofCase.NumberValue) => double.IsFinite(value.NumberValue),
                (CustomFieldType.Bool, Proto.CustomFieldValue.ValueOneofCase.BoolValue) => true,
                (CustomFieldType.Date, Proto.CustomFieldValue.ValueOneofCase.DateValue) => violations.Date($"{field}.{key}", value.DateValue) is not null,
                _ => false,
            };
            violations.Check(matches, $"{field}.{key}", $"must be a {type.ToString().ToLowerInvariant()} value");
        }
    }

    private static void ValidateStrategy(Proto.Strategy? strategy, string field, FieldViolations violations, DateOnly today)
    {
        if (strategy is null)
        {
            return;
        }

        violations
            .Check(strategy.PreferredChannels.All(c => c != Proto.Channel.Unspecified && Enum.IsDefined(c)), $"{field}.preferred_channels", "must be known channels")
            .Check(strategy.ContactCadenceDays is >= 0 and <= 3650, $"{field}.contact_cadence_days", "must be between 0 and 3650")
            .MaxLength($"{field}.communication_plan", strategy.CommunicationPlan, 4000)
            .MaxLength($"{field}.sales_strategy", strategy.SalesStrategy, 4000)
            .Check(strategy.Opportunities.Count <= 50, $"{field}.opportunities", "must have at most 50 opportunities");
        for (var i = 0; i < strategy.Opportunities.Count; i++)
        {
            var opportunity = strategy.Opportunities[i];
            violations
                .Required($"{field}.opportunities[{i}].title", opportunity.Title)
                .MaxLength($"{field}.opportunities[{i}].title", opportunity.Title, 200)
                .MaxLength($"{field}.opportunities[{i}].description", opportunity.Description, 4000)
                .Money($"{field}.opportunities[{i}].estimated_value", opportunity.EstimatedValue);
            if (violations.Date($"{field}.opportunities[{i}].identified_date", opportunity.IdentifiedDate) > today)
            {
                violations.Add($"{field}.opportunities[{i}].identified_date", "must not be in the future");
            }
        }
    }

    /// <summary>The companies a company names (its parent, owners that are companies), with the field naming each.</summary>
    public static IEnumerable<(string Field, Guid Id)> ReferencedCompanies(Proto.Company company)
    {
        if (Guid.TryParse(company.Ownership?.ParentCompanyId, out var parent))
        {
            yield return ("ownership.parent_company_id", parent);
        }

        foreach (var (owner, index) in (company.Ownership?.Owners ?? []).Select((o, i) => (o, i)))
        {
            if (Guid.TryParse(owner.CompanyId, out var id))
            {
                yield return ($"ownership.owners[{index}].company_id", id);
            }
        }
    }

    /// <summary>The domain a website lives on, without "www.", for duplicate detection and search.</summary>
    public static string? DomainOf(string? website)
    {
        if (!IsWebUrl(website))
        {
            return null;
        }

        var host = new Uri(website!.Trim()).Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');

    public static bool IsPhone(string value) =>
        value.Count(char.IsAsciiDigit) >= 5 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
}
