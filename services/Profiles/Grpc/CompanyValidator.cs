using System.Net.Mail;
using CrmPlatform.ServiceDefaults.Grpc;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Grpc;

internal static class CompanyValidator
{
    /// <summary>Every problem of a company in a create request, with field paths relative to <paramref name="prefix"/>.</summary>
    public static FieldViolations Validate(Proto.Company? company, string prefix, FieldViolations violations)
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

        var country = company.Headquarters?.CountryCode;
        if (!string.IsNullOrEmpty(country) && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            violations.Add($"{prefix}.headquarters.country_code", "must be an ISO 3166-1 alpha-2 code such as SE");
        }

        return violations;
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

    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');

    private static bool IsPhone(string value) =>
        value.Count(char.IsAsciiDigit) >= 5 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
}
