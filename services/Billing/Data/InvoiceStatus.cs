namespace CrmPlatform.Billing.Data;

public enum InvoiceStatus
{
    Unspecified,
    Open,
    Paid,
    Void,
}
