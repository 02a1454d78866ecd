using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Overdue;
using CrmPlatform.Billing.Receivables;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Collection;

/// <summary>
/// Records a collection effort and what it does to its invoice: a dispute holds it (and its
/// reminders) until resolved, a write-off closes what is open, a promise waits for its date.
/// </summary>
public sealed class Collector(BillingDbContext db, Ledger ledger, OverdueAlarms alarms, TimeProvider clock)
{
    public async Task<CollectionEffort> Record(Proto.CollectionEffort proto, CancellationToken cancellationToken, string field = "effort")
    {
        var violations = new FieldViolations();
        var (companyId, invoiceId, on, promisedOn) = EffortValidator.Validate(proto, ledger.Today, violations, field);
        violations.ThrowIfAny();

        Invoice? invoice = null;
        Guid company;
        if (invoiceId is { } id)
        {
            invoice = await ledger.RequireInvoice(id, proto.InvoiceId, cancellationToken);
            company = invoice.CompanyId;
            if (companyId is { } named && await ledger.Company(named, proto.CompanyId, cancellationToken) != company)
            {
                violations.Add($"{field}.invoice_id", $"is an invoice of another company, not of {proto.CompanyId}");
            }

            CheckInvoice(proto, invoice, violations, field);
            violations.ThrowIfAny();
        }
        else
        {
            company = await ledger.Company(companyId!.Value, proto.CompanyId, cancellationToken);
        }

        var effort = new CollectionEffort
        {
            CompanyId = company,
            InvoiceId = invoice?.Id,
            Kind = (CollectionEffortKind)proto.Kind,
            Level = proto.Kind is Proto.CollectionEffortKind.Reminder or Proto.CollectionEffortKind.Letter ? Math.Max(1, proto.Level) : 0,
            OccurredOn = on!.Value,
            Note = proto.Note.Length > 0 ? proto.Note : null,
            PromisedOn = promisedOn,
            PromisedCurrencyCode = proto.PromisedAmount?.CurrencyCode,
            PromisedAmount = proto.PromisedAmount?.ToDecimal(),
            PromiseOutcome = promisedOn is null ? PromiseOutcome.None : PromiseOutcome.Pending,
            RecordedBy = ledger.Actor,
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(effort, invoice);
        db.CollectionEfforts.Add(effort);
        if (promisedOn is { } promised)
        {
            await alarms.Arm(Behaviour.PromiseCheck.LastDay(promised).AddDays(1), cancellationToken);
        }

        return effort;
    }

    private void Apply(CollectionEffort effort, Invoice? invoice)
    {
        if (invoice is null)
        {
            return;
        }

        switch (effort.Kind)
        {
            case CollectionEffortKind.DisputeOpened:
                invoice.Disputed = true;
                break;
            case CollectionEffortKind.DisputeResolved:
                invoice.Disputed = false;
                break;
            case CollectionEffortKind.WriteOff:
                invoice.WrittenOffAmount += invoice.OpenAmount;
                invoice.WrittenOffOn = effort.OccurredOn;
                invoice.Disputed = false;
                invoice.Status = InvoiceStatus.WrittenOff;
                return;
        }

        invoice.Refresh(ledger.Today);
    }

    private static void CheckInvoice(Proto.CollectionEffort proto, Invoice invoice, FieldViolations violations, string field)
    {
        var at = $"{field}.invoice_id";
        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Draft)
        {
            violations.Add(at, $"invoice {invoice.Number} is {(invoice.Status == InvoiceStatus.Void ? "void" : "a draft")}: nothing is owed on it");
            return;
        }

        switch (proto.Kind)
        {
            case Proto.CollectionEffortKind.DisputeOpened:
                violations.Check(!invoice.Disputed, at, $"invoice {invoice.Number} is already disputed");
                break;
            case Proto.CollectionEffortKind.DisputeResolved:
                violations.Check(invoice.Disputed, at, $"invoice {invoice.Number} has no open dispute");
                break;
            case Proto.CollectionEffortKind.WriteOff:
                violations.Check(invoice.IsReceivable && invoice.OpenAmount > 0, at, $"invoice {invoice.Number} has nothing open to write off");
                break;
            case Proto.CollectionEffortKind.PromiseToPay when proto.PromisedAmount is { } promised:
                violations.Check(promised.CurrencyCode == invoice.CurrencyCode, $"{field}.promised_amount.currency_code",
                    $"is {promised.CurrencyCode}, invoice {invoice.Number} is in {invoice.CurrencyCode}: one sum never mixes currencies");
                break;
        }
    }
}
