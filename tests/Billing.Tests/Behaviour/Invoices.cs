using CrmPlatform.Billing.Behaviour;

namespace CrmPlatform.Billing.Tests.Behaviour;

/// <summary>Invoices as a finance person would write them down: number, amount, due date, and when the money came.</summary>
internal static class Invoices
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static InvoiceFacts Open(string number, decimal amount, DateOnly due, string currency = "EUR") => new()
    {
        Id = Guid.CreateVersion7(),
        Number = number,
        Currency = currency,
        Amount = amount,
        IssueDate = due.AddDays(-30),
        DueDate = due,
        Terms = new InvoiceTerms(30),
        Stage = InvoiceStage.Open,
    };

    /// <summary>Paid in full in one payment, <paramref name="daysLate"/> days after the due date (negative: early).</summary>
    public static InvoiceFacts PaidLate(string number, decimal amount, DateOnly due, int daysLate, string currency = "EUR") =>
        Open(number, amount, due, currency).Paying((due.AddDays(daysLate), amount)) with { Stage = InvoiceStage.Paid };

    public static InvoiceFacts Paying(this InvoiceFacts invoice, params (DateOnly On, decimal Amount)[] payments) => invoice with
    {
        Payments = [.. invoice.Payments, .. payments.Select(p => new AllocatedPayment(Guid.CreateVersion7(), p.On, p.Amount))],
    };

    public static InvoiceFacts Crediting(this InvoiceFacts invoice, DateOnly on, decimal amount, CreditNoteReason reason) => invoice with
    {
        Credits = [.. invoice.Credits, new InvoiceCredit(Guid.CreateVersion7(), on, amount, reason)],
    };
}
