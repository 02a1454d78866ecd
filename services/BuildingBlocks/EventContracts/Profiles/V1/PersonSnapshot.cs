namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>Someone at a company, as they stand after the change; roles are the ones held now.</summary>
public sealed record PersonSnapshot(
    string GivenName,
    string? FamilyName,
    string? Title,
    IReadOnlyList<string> CurrentRoles,
    IReadOnlyList<string> Emails,
    DateOnly? Birthday,
    string? PreferredChannel);
