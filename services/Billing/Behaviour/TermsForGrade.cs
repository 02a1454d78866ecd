namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The terms a tenant offers a company of one grade. The suggested credit limit is expressed in
/// months of what the company was invoiced (average per month over the last 12 months, per
/// currency), so one policy fits clients of every size and currency; 0 suggests none.
/// </summary>
public sealed record TermsForGrade
{
    public required PaymentGrade Grade { get; init; }

    /// <summary>Days from the issue date to the due date, 0–365.</summary>
    public int NetDays { get; init; }

    /// <summary>The share of an order to ask for before work starts, 0–100.</summary>
    public int UpfrontPercent { get; init; }

    /// <summary>Nothing on credit: everything paid before work starts.</summary>
    public bool PrepaymentOnly { get; init; }

    /// <summary>Start no new work until the grade improves.</summary>
    public bool HoldNewWork { get; init; }

    /// <summary>The suggested credit limit in months of average monthly invoicing, 0–24.</summary>
    public decimal CreditLimitMonthsOfSales { get; init; }
}
