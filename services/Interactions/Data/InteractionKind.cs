namespace CrmPlatform.Interactions.Data;

public enum InteractionKind
{
    Unspecified,
    Note,
    Call,
    Meeting,
    Email,
}
