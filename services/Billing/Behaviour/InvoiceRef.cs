namespace CrmPlatform.Billing.Behaviour;

/// <summary>Names an invoice in explanations: the id for machines, the number for people.</summary>
public sealed record InvoiceRef(Guid Id, string Number)
{
    public override string ToString() => Number;
}
