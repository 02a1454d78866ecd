using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

internal static class PaymentMapper
{
    public static Proto.Payment ToProto(this Payment payment)
    {
        var proto = new Proto.Payment
        {
            Id = payment.Id.ToString(),
            CompanyId = payment.CompanyId.ToString(),
            Amount = payment.Amount.ToMoney(payment.CurrencyCode),
            ReceivedDate = payment.ReceivedOn.ToDate(),
            Method = (Proto.PaymentMethod)payment.Method,
            Reference = payment.Reference ?? "",
            ExternalId = payment.ExternalId ?? "",
            UnallocatedAmount = payment.UnallocatedAmount.ToMoney(payment.CurrencyCode),
            Reversed = payment.ReversedAt is not null,
            ReverseTime = payment.ReversedAt is { } reversed ? Timestamp.FromDateTimeOffset(reversed) : null,
            ReverseReason = payment.ReverseReason ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(payment.CreatedAt),
            RecordedBy = payment.RecordedBy?.ToString() ?? "",
        };
        proto.Allocations.AddRange(payment.Allocations.OrderBy(a => a.InvoiceId).Select(a => new Proto.PaymentAllocation
        {
            InvoiceId = a.InvoiceId.ToString(),
            Amount = a.Amount.ToMoney(payment.CurrencyCode),
        }));
        return proto;
    }

    public static Proto.CreditNote ToProto(this CreditNote note) => new()
    {
        Id = note.Id.ToString(),
        CompanyId = note.CompanyId.ToString(),
        InvoiceId = note.InvoiceId?.ToString() ?? "",
        Amount = note.Amount.ToMoney(note.CurrencyCode),
        Reason = (Proto.CreditReason)note.Reason,
        IssueDate = note.IssuedOn.ToDate(),
        Note = note.Note ?? "",
        ExternalId = note.ExternalId ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(note.CreatedAt),
        RecordedBy = note.RecordedBy?.ToString() ?? "",
    };
}
