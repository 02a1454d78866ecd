namespace CrmPlatform.Billing.Behaviour;

/// <summary>A credit note on an invoice, in the invoice's currency, with why it was given.</summary>
public sealed record InvoiceCredit(Guid Id, DateOnly IssuedOn, decimal Amount, CreditNoteReason Reason);
