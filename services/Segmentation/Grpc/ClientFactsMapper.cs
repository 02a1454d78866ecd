using CrmPlatform.Segmentation.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Segmentation.V1;

namespace CrmPlatform.Segmentation.Grpc;

internal static class ClientFactsMapper
{
    public static Proto.ClientFacts ToProto(this ClientFacts facts, IEnumerable<InvoicedTotal> totals) => new()
    {
        CompanyId = facts.CompanyId.ToString(),
        Name = facts.Name ?? "",
        IndustryCode = facts.IndustryCode ?? "",
        EmployeeCount = facts.EmployeeCount ?? 0,
        CountryCode = facts.CountryCode ?? "",
        InteractionCount = facts.InteractionCount,
        LastInteractionTime = facts.LastInteractionAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
        InvoiceCount = facts.InvoiceCount,
        InvoicedTotals = { totals.OrderBy(t => t.CurrencyCode).Select(t => t.Total.ToMoney(t.CurrencyCode)) },
        UpdateTime = Timestamp.FromDateTimeOffset(facts.UpdatedAt),
        Deleted = facts.Deleted,
    };
}
