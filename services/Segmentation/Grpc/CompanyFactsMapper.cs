using CrmPlatform.GrpcConventions;
using CrmPlatform.Segmentation.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Segmentation.V1;

namespace CrmPlatform.Segmentation.Grpc;

internal static class CompanyFactsMapper
{
    /// <summary>The company's own description; counts, totals and recency over it and the companies merged into it.</summary>
    public static Proto.CompanyFacts ToProto(this MergedFacts company) => new()
    {
        CompanyId = company.Own.CompanyId.ToString(),
        Name = company.Own.Name ?? "",
        IndustryCode = company.Own.IndustryCode ?? "",
        EmployeeCount = company.Own.EmployeeCount ?? 0,
        CountryCode = company.Own.CountryCode ?? "",
        InteractionCount = company.InteractionCount,
        LastInteractionTime = company.LastInteractionAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
        InvoiceCount = company.InvoiceCount,
        InvoicedTotals = { company.Totals.Select(t => t.Total.ToMoney(t.CurrencyCode)) },
        UpdateTime = Timestamp.FromDateTimeOffset(company.UpdatedAt),
        Deleted = company.Own.Deleted,
        MergedIntoId = company.Own.MergedIntoId?.ToString() ?? "",
        MergedCompanyIds = { company.Merged.Select(f => f.CompanyId.ToString()) },
    };
}
