using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Collection;

/// <summary>What a collection effort needs on its own; the invoice it names is checked against the database after.</summary>
internal static class EffortValidator
{
    public const int MaxLevel = 20;

    public sealed record Checked(Guid? CompanyId, Guid? InvoiceId, DateOnly? On, DateOnly? PromisedOn);

    public static Checked Validate(Proto.CollectionEffort? effort, DateOnly today, FieldViolations violations, string field = "effort")
    {
        if (effort is null)
        {
            violations.Add(field, "is required");
            return new(null, null, null, null);
        }

        Guid? companyId = effort.CompanyId.Length > 0 ? ResourceId.Parse(effort.CompanyId, $"{field}.company_id", violations) : null;
        Guid? invoiceId = effort.InvoiceId.Length > 0 ? ResourceId.Parse(effort.InvoiceId, $"{field}.invoice_id", violations) : null;
        violations.Check(effort.CompanyId.Length > 0 || effort.InvoiceId.Length > 0, $"{field}.company_id", "name a company, or an invoice of one");

        var kind = effort.Kind;
        violations.Check(kind != Proto.CollectionEffortKind.Unspecified && Enum.IsDefined(kind), $"{field}.kind", "is required: reminder, call, letter, promise to pay, dispute opened or resolved, agency hand-over or write-off");
        var needsInvoice = kind is Proto.CollectionEffortKind.PromiseToPay or Proto.CollectionEffortKind.DisputeOpened
            or Proto.CollectionEffortKind.DisputeResolved or Proto.CollectionEffortKind.WriteOff;
        violations.Check(!needsInvoice || effort.InvoiceId.Length > 0, $"{field}.invoice_id", $"is required for {kind}");

        var leveled = kind is Proto.CollectionEffortKind.Reminder or Proto.CollectionEffortKind.Letter;
        violations.Check(leveled ? effort.Level is >= 0 and <= MaxLevel : effort.Level == 0, $"{field}.level",
            leveled ? $"must be between 1 and {MaxLevel}" : "is only for reminders and letters");

        var on = effort.EffortDate is null ? today : violations.Date($"{field}.effort_date", effort.EffortDate);
        violations.Check(on is null || on <= today, $"{field}.effort_date", "must not be in the future");
        violations.MaxLength($"{field}.note", effort.Note, Data.CollectionEffort.MaxNoteLength);

        DateOnly? promisedOn = null;
        if (kind == Proto.CollectionEffortKind.PromiseToPay)
        {
            promisedOn = violations.Date($"{field}.promised_date", effort.PromisedDate, required: true);
            violations.Check(promisedOn is null || on is null || promisedOn >= on, $"{field}.promised_date", "must not be before the day the promise was made");
            violations.Money($"{field}.promised_amount", effort.PromisedAmount, required: true, positive: true);
        }
        else
        {
            violations
                .Check(effort.PromisedDate is null, $"{field}.promised_date", "is only for a promise to pay")
                .Check(effort.PromisedAmount is null, $"{field}.promised_amount", "is only for a promise to pay");
        }

        return new(companyId, invoiceId, on, promisedOn);
    }
}
