using CrmPlatform.EventContracts.Profiles.V1;
using Company = CrmPlatform.Profiles.Data.Company;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Companies;

/// <summary>The events a company's changes raise, each carrying what consumers need so they never call back.</summary>
internal static class CompanyEvents
{
    public static CompanyCreated Created(Company company) => new(
        company.TenantId,
        company.Id,
        company.Name,
        company.Domain,
        company.IndustryCode,
        company.EmployeeCount,
        company.Headquarters.CountryCode,
        company.AccountOwner,
        company.LifecycleStage.ToString(),
        company.AnnualRevenue,
        company.RevenueCurrency,
        company.Tags,
        company.ExternalId,
        CadenceOf(company));

    /// <summary>The update itself, and the ownership change when ownership is among <paramref name="changed"/>.</summary>
    public static IEnumerable<EventContracts.IntegrationEvent> Updated(Company company, IReadOnlyList<string> changed, Proto.Ownership? ownership)
    {
        yield return new CompanyUpdated(
            company.TenantId,
            company.Id,
            changed,
            company.Name,
            company.Domain,
            company.IndustryCode,
            company.EmployeeCount,
            company.Headquarters.CountryCode,
            company.AccountOwner,
            company.LifecycleStage.ToString(),
            company.AnnualRevenue,
            company.RevenueCurrency,
            company.Tags,
            company.ExternalId,
            CadenceOf(company));

        if (changed.Contains("ownership"))
        {
            yield return new OwnershipChanged(
                company.TenantId,
                company.Id,
                company.ParentCompanyId,
                ownership?.Owners.Select(o => new CompanyOwner(
                    o.Name,
                    o.Kind.ToString().ToUpperInvariant(),
                    o.SharePercent,
                    Guid.TryParse(o.CompanyId, out var id) ? id : null)).ToList() ?? []);
        }
    }

    /// <summary>How often the strategy says to get in touch; null when it says nothing.</summary>
    private static int? CadenceOf(Company company) =>
        Data.ProtoJson.Parse<Proto.Strategy>(company.StrategyJson)?.ContactCadenceDays is > 0 and var days ? days : null;
}
