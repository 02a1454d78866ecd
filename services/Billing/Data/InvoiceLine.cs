namespace CrmPlatform.Billing.Data;

/// <summary>One line of an invoice, stored with it (a line is never read or changed alone).</summary>
public sealed class InvoiceLine
{
    public required string Description { get; set; }

    public decimal? Quantity { get; set; }

    public decimal? UnitPrice { get; set; }

    public decimal Amount { get; set; }
}
