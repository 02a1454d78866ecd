using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Collection;

internal static class EffortMapper
{
    public static Proto.CollectionEffort ToProto(this CollectionEffort effort) => new()
    {
        Id = effort.Id.ToString(),
        CompanyId = effort.CompanyId.ToString(),
        InvoiceId = effort.InvoiceId?.ToString() ?? "",
        Kind = (Proto.CollectionEffortKind)effort.Kind,
        Level = effort.Level,
        EffortDate = effort.OccurredOn.ToDate(),
        Note = effort.Note ?? "",
        PromisedDate = effort.PromisedOn?.ToDate(),
        PromisedAmount = effort.PromisedAmount is { } amount ? amount.ToMoney(effort.PromisedCurrencyCode!) : null,
        PromiseOutcome = effort.PromiseOutcome switch
        {
            PromiseOutcome.Pending => Proto.PromiseOutcome.Pending,
            PromiseOutcome.Kept => Proto.PromiseOutcome.Kept,
            PromiseOutcome.Broken => Proto.PromiseOutcome.Broken,
            _ => Proto.PromiseOutcome.Unspecified,
        },
        RecordedBy = effort.RecordedBy?.ToString() ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(effort.CreatedAt),
    };
}
