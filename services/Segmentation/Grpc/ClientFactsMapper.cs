using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Segmentation.Data;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Segmentation.V1;

namespace CrmPlatform.Segmentation.Grpc;

internal static class ClientFactsMapper
{
    private const decimal NanosPerUnit = 1_000_000_000m;

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
        InvoicedTotals = { totals.OrderBy(t => t.CurrencyCode).Select(ToMoney) },
        UpdateTime = Timestamp.FromDateTimeOffset(facts.UpdatedAt),
        Deleted = facts.Deleted,
    };

    private static Money ToMoney(InvoicedTotal total)
    {
        var units = decimal.Truncate(total.Total);
        return new Money { CurrencyCode = total.CurrencyCode, Units = (long)units, Nanos = (int)((total.Total - units) * NanosPerUnit) };
    }
}
