using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

internal static class CreditNoteValidator
{
    /// <summary>Every problem a credit note has on its own; its company id and (when given) invoice id.</summary>
    public static (Guid CompanyId, Guid? InvoiceId) Validate(Proto.CreditNote? note, FieldViolations violations, string field = "credit_note")
    {
        if (note is null)
        {
            violations.Add(field, "is required");
            return (Guid.Empty, null);
        }

        var companyId = ResourceId.Parse(note.CompanyId, $"{field}.company_id", violations);
        Guid? invoiceId = note.InvoiceId.Length > 0 ? ResourceId.Parse(note.InvoiceId, $"{field}.invoice_id", violations) : null;
        violations.Money($"{field}.amount", note.Amount, required: true, positive: true);
        violations.Date($"{field}.issue_date", note.IssueDate, required: true);
        violations
            .Check(note.Reason != Proto.CreditReason.Unspecified && Enum.IsDefined(note.Reason), $"{field}.reason", "is required: commercial, discount demanded, dispute settlement or early-payment discount")
            .Check(invoiceId is not null || note.Reason is not (Proto.CreditReason.EarlyPaymentDiscount or Proto.CreditReason.EarlyPaymentDiscountExpired),
                $"{field}.invoice_id", "an early-payment discount is taken on an invoice: name it")
            .MaxLength($"{field}.note", note.Note, Data.CreditNote.MaxNoteLength)
            .MaxLength($"{field}.external_id", note.ExternalId, Data.Invoice.MaxExternalIdLength);
        return (companyId, invoiceId);
    }
}
