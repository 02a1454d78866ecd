namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>
/// How long a company's name in <see cref="CompanyCreated"/> and <see cref="CompanyUpdated"/> can be:
/// Profiles accepts no longer, so a service keeping a copy sizes its column by this.
/// </summary>
public static class CompanyName
{
    public const int MaxLength = 200;
}
