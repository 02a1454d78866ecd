namespace CrmPlatform.Billing.Data;

public enum CollectionEffortKind
{
    Unspecified,
    Reminder,
    Call,
    Letter,
    PromiseToPay,
    DisputeOpened,
    DisputeResolved,
    AgencyHandover,
    WriteOff,
}
