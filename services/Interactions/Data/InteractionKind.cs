namespace CrmPlatform.Interactions.Data;

/// <summary>Stored by name; the numbers follow the contract's enum.</summary>
public enum InteractionKind
{
    Unspecified,
    Note,
    Call,
    Meeting,
    Email,
    SocialSignal,
    NewsletterSend,
    NewsletterOpen,
    NewsletterClick,
    DocumentSent,
    Task,
}

/// <summary>The way a contact reaches the client; notes and tasks have none, as they reach no one.</summary>
public enum Channel
{
    None,
    Phone,
    Meeting,
    Email,
    Social,
    Newsletter,
}

public enum Direction
{
    None,
    Inbound,
    Outbound,
}

public enum Visibility
{
    Everyone = 1,
    Team = 2,
    Private = 3,
    SubjectOnly = 4,
}
