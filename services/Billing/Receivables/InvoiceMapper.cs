using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

internal static class InvoiceMapper
{
    public static Proto.Invoice ToProto(this Invoice invoice, DateOnly? today = null)
    {
        var proto = new Proto.Invoice
        {
            Id = invoice.Id.ToString(),
            CompanyId = invoice.CompanyId.ToString(),
            Number = invoice.Number,
            ExternalId = invoice.ExternalId ?? "",
            ProjectId = invoice.ProjectId?.ToString() ?? "",
            Amount = invoice.Amount.ToMoney(invoice.CurrencyCode),
            IssueDate = invoice.IssueDate.ToDate(),
            DueDate = invoice.DueDate.ToDate(),
            Status = invoice.Status.ToProto(),
            CreateTime = Timestamp.FromDateTimeOffset(invoice.CreatedAt),
            Terms = new Proto.PaymentTerms { NetDays = invoice.NetDays, DiscountBasisPoints = invoice.DiscountBasisPoints, DiscountDays = invoice.DiscountDays },
            OpenAmount = Math.Max(invoice.OpenAmount, 0).ToMoney(invoice.CurrencyCode),
            PaidAmount = invoice.PaidAmount.ToMoney(invoice.CurrencyCode),
            CreditedAmount = invoice.CreditedAmount.ToMoney(invoice.CurrencyCode),
            WrittenOffAmount = invoice.WrittenOffAmount.ToMoney(invoice.CurrencyCode),
            SettledDate = invoice.SettledOn?.ToDate(),
            DaysBeyondTerms = DaysBeyondTerms(invoice, today ?? DateOnly.FromDateTime(DateTime.UtcNow)),
        };
        proto.Lines.AddRange((invoice.Lines ?? []).Select(l => new Proto.InvoiceLine
        {
            Description = l.Description,
            Quantity = l.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            UnitPrice = l.UnitPrice?.ToMoney(invoice.CurrencyCode),
            Amount = l.Amount.ToMoney(invoice.CurrencyCode),
        }));
        if (invoice.CreditOverrideAt is { } approved)
        {
            proto.CreditOverride = new Proto.CreditOverride
            {
                ApprovedBy = invoice.CreditOverrideBy?.ToString() ?? "",
                Reason = invoice.CreditOverrideReason ?? "",
                ApproveTime = Timestamp.FromDateTimeOffset(approved),
                Check = invoice.CreditOverrideCheckJson is { } json ? JsonParser.Default.Parse<Proto.CreditCheck>(json) : null,
            };
        }

        else if (invoice.CreditOverrideCheckJson is { } warning)
        {
            proto.CreditWarning = JsonParser.Default.Parse<Proto.CreditCheck>(warning);
        }

        return proto;
    }

    /// <summary>Days paid after the due date (settled) or past it so far (open); 0 for drafts, void and on-time.</summary>
    public static int DaysBeyondTerms(Invoice invoice, DateOnly today)
    {
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return 0;
        }

        var end = invoice.SettledOn ?? today;
        return Math.Max(0, end.DayNumber - invoice.DueDate.DayNumber);
    }

    public static Proto.InvoiceStatus ToProto(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Open => Proto.InvoiceStatus.Open,
        InvoiceStatus.Paid => Proto.InvoiceStatus.Paid,
        InvoiceStatus.Void => Proto.InvoiceStatus.Void,
        InvoiceStatus.Draft => Proto.InvoiceStatus.Draft,
        InvoiceStatus.PartiallyPaid => Proto.InvoiceStatus.PartiallyPaid,
        InvoiceStatus.Overdue => Proto.InvoiceStatus.Overdue,
        InvoiceStatus.Disputed => Proto.InvoiceStatus.Disputed,
        InvoiceStatus.WrittenOff => Proto.InvoiceStatus.WrittenOff,
        _ => Proto.InvoiceStatus.Unspecified,
    };

    public static InvoiceStatus FromProto(this Proto.InvoiceStatus status) => status switch
    {
        Proto.InvoiceStatus.Open => InvoiceStatus.Open,
        Proto.InvoiceStatus.Paid => InvoiceStatus.Paid,
        Proto.InvoiceStatus.Void => InvoiceStatus.Void,
        Proto.InvoiceStatus.Draft => InvoiceStatus.Draft,
        Proto.InvoiceStatus.PartiallyPaid => InvoiceStatus.PartiallyPaid,
        Proto.InvoiceStatus.Overdue => InvoiceStatus.Overdue,
        Proto.InvoiceStatus.Disputed => InvoiceStatus.Disputed,
        Proto.InvoiceStatus.WrittenOff => InvoiceStatus.WrittenOff,
        _ => InvoiceStatus.Unspecified,
    };

    /// <summary>A validated invoice as a new row: open (or a draft), its due date from its terms when it gave none.</summary>
    public static Invoice ToNewInvoice(this Proto.Invoice proto, Guid companyId, DateTimeOffset now, bool draft = false)
    {
        var issued = proto.IssueDate.ToDateOnly();
        var netDays = proto.Terms?.NetDays ?? 0;
        var due = proto.DueDate is { } d ? d.ToDateOnly() : issued.AddDays(netDays);
        var lines = proto.Lines.Select(l => new InvoiceLine
        {
            Description = l.Description.Trim(),
            Quantity = InvoiceValidator.ParseQuantity(l.Quantity),
            UnitPrice = l.UnitPrice?.ToDecimal(),
            Amount = l.Amount.ToDecimal(),
        }).ToList();
        return new Invoice
        {
            CompanyId = companyId,
            Number = proto.Number.Trim(),
            ExternalId = proto.ExternalId.Length > 0 ? proto.ExternalId : null,
            ProjectId = proto.ProjectId.Length > 0 ? Guid.Parse(proto.ProjectId) : null,
            CurrencyCode = InvoiceValidator.CurrencyOf(proto),
            Amount = lines.Count > 0 ? lines.Sum(l => l.Amount) : proto.Amount.ToDecimal(),
            Lines = lines,
            IssueDate = issued,
            DueDate = due,
            NetDays = proto.DueDate is null ? netDays : due.DayNumber - issued.DayNumber,
            DiscountBasisPoints = proto.Terms?.DiscountBasisPoints ?? 0,
            DiscountDays = proto.Terms?.DiscountDays ?? 0,
            Status = draft ? InvoiceStatus.Draft : InvoiceStatus.Open,
            CreatedAt = now,
            IssuedAt = draft ? null : now,
        };
    }
}
