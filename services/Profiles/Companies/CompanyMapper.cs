using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

internal static class CompanyMapper
{
    public static Proto.Company ToProto(this Company company, ReviewPolicy? policy = null) => new()
    {
        Id = company.Id.ToString(),
        Name = company.Name,
        LegalName = company.LegalName ?? "",
        Website = company.Website ?? "",
        Domain = company.Domain ?? "",
        Industry = company.IndustryCode is null && company.IndustryLabel is null
            ? null
            : new Proto.Industry { Code = company.IndustryCode ?? "", Label = company.IndustryLabel ?? "" },
        EmployeeCount = company.EmployeeCount ?? 0,
        Headquarters = company.Headquarters.ToProto(),
        Phone = company.Phone ?? "",
        Email = company.Email ?? "",
        AccountOwner = company.AccountOwner ?? "",
        LifecycleStage = (Proto.LifecycleStage)company.LifecycleStage,
        Tags = { company.Tags },
        Etag = company.Etag,
        CreateTime = Timestamp.FromDateTimeOffset(company.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(company.UpdatedAt),
        DeleteTime = company.DeletedAt is { } deleted ? Timestamp.FromDateTimeOffset(deleted) : null,
        PurgeTime = company.PurgeAt is { } purge ? Timestamp.FromDateTimeOffset(purge) : null,
        LastReviewTime = Timestamp.FromDateTimeOffset(company.LastReviewedAt),
        NextReviewTime = policy is null ? null : Timestamp.FromDateTimeOffset(company.LastReviewedAt + policy.Interval),
        ExternalId = company.ExternalId ?? "",
        RegistrationNumber = company.RegistrationNumber ?? "",
        AnnualRevenue = company.AnnualRevenue?.ToMoney(company.RevenueCurrency!),
        FinancialStatus = ProtoJson.Parse<Proto.FinancialStatus>(company.FinancialStatusJson),
        Ownership = company.ParentCompanyId is null && company.OwnersJson is null
            ? null
            : new Proto.Ownership
            {
                ParentCompanyId = company.ParentCompanyId?.ToString() ?? "",
                Owners = { ProtoJson.ParseList<Proto.Owner>(company.OwnersJson) },
            },
        Addresses = { ProtoJson.ParseList<Address>(company.AddressesJson) },
        CustomFields = { ProtoJson.ParseMap<Proto.CustomFieldValue>(company.CustomFieldsJson).ToDictionary() },
        Strategy = ProtoJson.Parse<Proto.Strategy>(company.StrategyJson),
        MergedIntoId = company.MergedIntoId?.ToString() ?? "",
    };

    /// <summary>A new company from a validated request; server-owned fields (id, times, etag) are ignored.</summary>
    public static Company ToNewCompany(this Proto.Company proto, DateTimeOffset now)
    {
        var company = new Company { Name = "", CreatedAt = now, UpdatedAt = now, LastReviewedAt = now };
        company.CopyFrom(proto);
        return company;
    }

    /// <summary>Every client-owned field from a validated company message, normalised as stored.</summary>
    public static void CopyFrom(this Company company, Proto.Company proto)
    {
        company.Name = proto.Name.Trim();
        company.LegalName = Blank(proto.LegalName);
        company.Website = Blank(proto.Website);
        company.Domain = Blank(proto.Domain)?.ToLowerInvariant() ?? CompanyValidator.DomainOf(proto.Website);
        company.IndustryCode = Blank(proto.Industry?.Code);
        company.IndustryLabel = Blank(proto.Industry?.Label);
        company.EmployeeCount = proto.EmployeeCount == 0 ? null : proto.EmployeeCount;
        company.Headquarters = proto.Headquarters.ToEntity();
        company.Phone = Blank(proto.Phone);
        company.Email = Blank(proto.Email)?.ToLowerInvariant();
        company.AccountOwner = Blank(proto.AccountOwner);
        company.LifecycleStage = (LifecycleStage)proto.LifecycleStage;
        company.Tags = proto.Tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        company.ExternalId = Blank(proto.ExternalId);
        company.RegistrationNumber = Blank(proto.RegistrationNumber);
        company.AnnualRevenue = proto.AnnualRevenue?.ToDecimal();
        company.RevenueCurrency = proto.AnnualRevenue?.CurrencyCode;
        company.FinancialStatusJson = ProtoJson.Format(proto.FinancialStatus);
        company.ParentCompanyId = Guid.TryParse(proto.Ownership?.ParentCompanyId, out var parent) ? parent : null;
        company.OwnersJson = proto.Ownership is null ? null : ProtoJson.FormatList(proto.Ownership.Owners);
        company.AddressesJson = ProtoJson.FormatList(proto.Addresses);
        company.CustomFieldsJson = ProtoJson.FormatMap(proto.CustomFields);
        company.StrategyJson = ProtoJson.Format(proto.Strategy);
    }

    private static Address? ToProto(this PostalAddress address) =>
        address.Lines.Count == 0 && address.City is null && address.CountryCode is null
            ? null
            : new Address
            {
                Kind = AddressKind.Headquarters,
                Lines = { address.Lines },
                City = address.City ?? "",
                Region = address.Region ?? "",
                PostalCode = address.PostalCode ?? "",
                CountryCode = address.CountryCode ?? "",
            };

    private static PostalAddress ToEntity(this Address? address) => address is null
        ? new PostalAddress()
        : new PostalAddress
        {
            Lines = address.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList(),
            City = Blank(address.City),
            Region = Blank(address.Region),
            PostalCode = Blank(address.PostalCode),
            CountryCode = Blank(address.CountryCode)?.ToUpperInvariant(),
        };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
