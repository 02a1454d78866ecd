using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Receivables;

/// <summary>
/// What moves money on invoices, for the API and the import alike: payments allocated (and
/// reversed), credit notes applied. Each checks every named invoice against the row as stored
/// (another tenant's is NotFound; a void one, another currency or more than is open is a
/// violation of the field) before it changes anything, so a refused request writes nothing.
/// Rows are added to the context; the caller saves.
/// </summary>
public sealed class Ledger(BillingDbContext db, ITenantContextAccessor tenants, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The member the call acts as: the author of what it records. Never a field of the body.</summary>
    public Guid? Actor => tenants.Tenant?.MemberId;

    /// <summary>The company new rows go to (a merged company's survivor); NotFound for one this tenant does not know.</summary>
    public async Task<Guid> Company(Guid companyId, string requestedId, CancellationToken cancellationToken)
    {
        var current = await db.CurrentCompany(companyId, cancellationToken);
        await db.RequireKnownCompany(current, requestedId, cancellationToken);
        return current;
    }

    public async Task<Invoice> RequireInvoice(Guid id, string requestedId, CancellationToken cancellationToken) =>
        await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Invoice", requestedId);

    public async Task<Payment> RecordPayment(Proto.Payment proto, CancellationToken cancellationToken, string field = "payment")
    {
        var violations = new FieldViolations();
        var companyId = PaymentValidator.Validate(proto, violations, field);
        violations.ThrowIfAny();
        companyId = await Company(companyId, proto.CompanyId, cancellationToken);

        var currency = proto.Amount.CurrencyCode;
        var receivedOn = proto.ReceivedDate.ToDateOnly();
        var payment = new Payment
        {
            CompanyId = companyId,
            ExternalId = proto.ExternalId.Length > 0 ? proto.ExternalId : null,
            CurrencyCode = currency,
            Amount = proto.Amount.ToDecimal(),
            ReceivedOn = receivedOn,
            Method = (PaymentMethod)proto.Method,
            Reference = proto.Reference.Length > 0 ? proto.Reference : null,
            RecordedBy = Actor,
            CreatedAt = clock.GetUtcNow(),
        };

        var allocations = proto.Allocations.Count > 0
            ? await Named(proto, companyId, field, cancellationToken)
            : await OldestDueFirst(companyId, currency, payment.Amount, cancellationToken);
        foreach (var (invoice, amount) in allocations)
        {
            invoice.PaidAmount += amount;
            invoice.Refresh(Today, receivedOn);
            payment.Allocations.Add(new PaymentAllocation { PaymentId = payment.Id, InvoiceId = invoice.Id, Amount = amount });
        }

        payment.UnallocatedAmount = payment.Amount - allocations.Sum(a => a.Amount);
        db.Payments.Add(payment);
        return payment;
    }

    /// <summary>A bounced payment: what it paid is owed again and its credit is gone; the allocations stay on record.</summary>
    public async Task<IReadOnlyList<Invoice>> ReversePayment(Payment payment, string reason, CancellationToken cancellationToken)
    {
        if (payment.ReversedAt is not null)
        {
            throw new PreconditionFailedException($"Payment '{payment.Id}' is already reversed.");
        }

        var allocations = await db.PaymentAllocations.Where(a => a.PaymentId == payment.Id).ToListAsync(cancellationToken);
        var ids = allocations.Select(a => a.InvoiceId).ToList();
        var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var allocation in allocations)
        {
            var invoice = invoices[allocation.InvoiceId];
            invoice.PaidAmount -= allocation.Amount;
            invoice.SettledOn = null;
            invoice.Refresh(Today);
        }

        payment.ReversedAt = clock.GetUtcNow();
        payment.ReverseReason = reason.Length > 0 ? reason : null;
        return [.. invoices.Values];
    }

    public async Task<(CreditNote Note, Invoice? Invoice)> IssueCreditNote(Proto.CreditNote proto, CancellationToken cancellationToken, string field = "credit_note")
    {
        var violations = new FieldViolations();
        var (companyId, invoiceId) = CreditNoteValidator.Validate(proto, violations, field);
        violations.ThrowIfAny();
        companyId = await Company(companyId, proto.CompanyId, cancellationToken);

        var note = new CreditNote
        {
            CompanyId = companyId,
            InvoiceId = invoiceId,
            ExternalId = proto.ExternalId.Length > 0 ? proto.ExternalId : null,
            CurrencyCode = proto.Amount.CurrencyCode,
            Amount = proto.Amount.ToDecimal(),
            Reason = (CreditReason)proto.Reason,
            IssuedOn = proto.IssueDate.ToDateOnly(),
            Note = proto.Note.Length > 0 ? proto.Note : null,
            RecordedBy = Actor,
            CreatedAt = clock.GetUtcNow(),
        };

        Invoice? invoice = null;
        if (invoiceId is { } id)
        {
            invoice = await RequireInvoice(id, proto.InvoiceId, cancellationToken);
            CheckPayable(invoice, companyId, note.CurrencyCode, note.Amount, $"{field}.invoice_id", $"{field}.amount", violations);
            violations.ThrowIfAny();
            if (note.Reason == CreditReason.EarlyPaymentDiscount && !await WithinDiscount(invoice, note.IssuedOn, cancellationToken))
            {
                note.Reason = CreditReason.EarlyPaymentDiscountExpired;
            }

            invoice.CreditedAmount += note.Amount;
            invoice.Refresh(Today, note.IssuedOn);
        }

        db.CreditNotes.Add(note);
        return (note, invoice);
    }

    /// <summary>
    /// Whether an early-payment discount was taken in time (<see cref="EarlyPaymentDiscounts.Earned"/>):
    /// judged on its last standing payment, or the credit's date without one. An invoice that
    /// offered no discount was never within one: that is a short payment too.
    /// </summary>
    private async Task<bool> WithinDiscount(Invoice invoice, DateOnly creditedOn, CancellationToken cancellationToken)
    {
        var paidOn = await db.PaymentAllocations
            .Where(a => a.InvoiceId == invoice.Id)
            .Join(db.Payments.Where(p => p.ReversedAt == null), a => a.PaymentId, p => p.Id, (a, p) => (DateOnly?)p.ReceivedOn)
            .MaxAsync(cancellationToken) ?? creditedOn;
        return EarlyPaymentDiscounts.Earned(invoice.IssueDate, invoice.DiscountDays, paidOn);
    }

    private async Task<List<(Invoice Invoice, decimal Amount)>> Named(Proto.Payment proto, Guid companyId, string field, CancellationToken cancellationToken)
    {
        var ids = proto.Allocations.Select(a => Guid.Parse(a.InvoiceId)).ToList();
        var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (proto.Allocations.FirstOrDefault(a => !invoices.ContainsKey(Guid.Parse(a.InvoiceId))) is { } missing)
        {
            throw new ResourceNotFoundException("Invoice", missing.InvoiceId);
        }

        var violations = new FieldViolations();
        var allocations = new List<(Invoice, decimal)>();
        for (var i = 0; i < proto.Allocations.Count; i++)
        {
            var at = $"{field}.allocations[{i}]";
            var invoice = invoices[ids[i]];
            var amount = proto.Allocations[i].Amount.ToDecimal();
            CheckPayable(invoice, companyId, proto.Amount.CurrencyCode, amount, $"{at}.invoice_id", $"{at}.amount", violations);
            allocations.Add((invoice, amount));
        }

        violations.ThrowIfAny();
        return allocations;
    }

    /// <summary>With no allocation named: the company's open invoices in the payment's currency, oldest due first, disputed ones left alone.</summary>
    private async Task<List<(Invoice Invoice, decimal Amount)>> OldestDueFirst(Guid companyId, string currency, decimal amount, CancellationToken cancellationToken)
    {
        var open = await db.Invoices
            .Where(i => i.CompanyId == companyId && i.CurrencyCode == currency && !i.Disputed)
            .Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid || i.Status == InvoiceStatus.Overdue)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var allocations = new List<(Invoice, decimal)>();
        var left = amount;
        foreach (var invoice in open)
        {
            var take = Math.Min(left, invoice.OpenAmount);
            if (take <= 0)
            {
                continue;
            }

            allocations.Add((invoice, take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }

        return allocations;
    }

    /// <summary>Whether money of this currency and amount may go to this invoice: each problem a violation of the field that caused it.</summary>
    public static void CheckPayable(Invoice invoice, Guid companyId, string currency, decimal amount, string invoiceField, string amountField, FieldViolations violations)
    {
        if (invoice.CompanyId != companyId)
        {
            violations.Add(invoiceField, $"is an invoice of another company, not of {companyId}");
            return;
        }

        var refusal = invoice.Status switch
        {
            InvoiceStatus.Void => $"invoice {invoice.Number} is void: nothing can be paid or credited on it",
            InvoiceStatus.Draft => $"invoice {invoice.Number} is a draft: issue it first",
            InvoiceStatus.WrittenOff => $"invoice {invoice.Number} is written off",
            _ => null,
        };
        if (refusal is not null)
        {
            violations.Add(invoiceField, refusal);
            return;
        }

        if (invoice.CurrencyCode != currency)
        {
            violations.Add($"{amountField}.currency_code", $"is {currency}, invoice {invoice.Number} is in {invoice.CurrencyCode}: one sum never mixes currencies");
            return;
        }

        violations.Check(amount <= invoice.OpenAmount, amountField,
            $"is more than the {Amounts.Format(Math.Max(invoice.OpenAmount, 0), invoice.CurrencyCode)} open on invoice {invoice.Number}");
    }
}
