using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Grpc;

internal static class InvoiceValidator
{
    /// <summary>Every problem of a new invoice; returns the company id when it is well-formed.</summary>
    public static Guid Validate(Proto.Invoice? invoice, FieldViolations violations)
    {
        if (invoice is null)
        {
            violations.Add("invoice", "is required");
            return Guid.Empty;
        }

        var companyId = ResourceId.Parse(invoice.CompanyId, "invoice.company_id", violations);
        violations
            .Required("invoice.number", invoice.Number)
            .MaxLength("invoice.number", invoice.Number, Data.Invoice.MaxNumberLength);
        violations.Money("invoice.amount", invoice.Amount, required: true, positive: true);

        var issued = violations.Date("invoice.issue_date", invoice.IssueDate, required: true);
        var due = violations.Date("invoice.due_date", invoice.DueDate, required: true);
        if (issued is not null && due is not null && due < issued)
        {
            violations.Add("invoice.due_date", "must not be before the issue date");
        }

        return companyId;
    }
}
