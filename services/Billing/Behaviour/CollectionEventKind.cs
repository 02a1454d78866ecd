namespace CrmPlatform.Billing.Behaviour;

/// <summary>What was done, or happened, to get an invoice paid.</summary>
public enum CollectionEventKind
{
    Reminder,
    Call,
    Letter,
    PromiseToPay,
    DisputeOpened,
    DisputeResolved,
    AgencyHandover,
    WriteOff,
}
