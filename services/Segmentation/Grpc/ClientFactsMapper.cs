using CrmPlatform.Segmentation.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Segmentation.V1;

namespace CrmPlatform.Segmentation.Grpc;

internal static class ClientFactsMapper
{
    /// <summary>The client's own description; counts, totals and recency summed over it and the companies merged into it.</summary>
    public static Proto.ClientFacts ToProto(this MergedFacts client)
    {
        var (facts, merged, totals) = client;
        var all = merged.Prepend(facts).ToList();
        return new Proto.ClientFacts
        {
            CompanyId = facts.CompanyId.ToString(),
            Name = facts.Name ?? "",
            IndustryCode = facts.IndustryCode ?? "",
            EmployeeCount = facts.EmployeeCount ?? 0,
            CountryCode = facts.CountryCode ?? "",
            InteractionCount = all.Sum(f => f.InteractionCount),
            LastInteractionTime = all.Max(f => f.LastInteractionAt) is { } last ? Timestamp.FromDateTimeOffset(last) : null,
            InvoiceCount = all.Sum(f => f.InvoiceCount),
            InvoicedTotals = { totals.OrderBy(t => t.CurrencyCode).Select(t => t.Total.ToMoney(t.CurrencyCode)) },
            UpdateTime = Timestamp.FromDateTimeOffset(all.Max(f => f.UpdatedAt)),
            Deleted = facts.Deleted,
            MergedIntoId = facts.MergedIntoId?.ToString() ?? "",
            MergedCompanyIds = { merged.Select(f => f.CompanyId.ToString()) },
        };
    }
}
