using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Grpc;

internal static class InvoiceMapper
{
    public static Proto.Invoice ToProto(this Invoice invoice) => new()
    {
        Id = invoice.Id.ToString(),
        CompanyId = invoice.CompanyId.ToString(),
        Number = invoice.Number,
        Amount = invoice.Amount.ToMoney(invoice.CurrencyCode),
        IssueDate = invoice.IssueDate.ToDate(),
        DueDate = invoice.DueDate.ToDate(),
        Status = (Proto.InvoiceStatus)invoice.Status,
        CreateTime = Timestamp.FromDateTimeOffset(invoice.CreatedAt),
    };

    public static Invoice ToNewInvoice(this Proto.Invoice proto, Guid companyId, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        Number = proto.Number.Trim(),
        CurrencyCode = proto.Amount.CurrencyCode,
        Amount = proto.Amount.ToDecimal(),
        IssueDate = proto.IssueDate.ToDateOnly(),
        DueDate = proto.DueDate.ToDateOnly(),
        Status = InvoiceStatus.Open,
        CreatedAt = now,
    };
}
