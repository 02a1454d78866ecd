namespace CrmPlatform.Billing.Data;

public enum PaymentMethod
{
    Unspecified,
    BankTransfer,
    Card,
    DirectDebit,
    Cheque,
    Cash,
    Other,
}
