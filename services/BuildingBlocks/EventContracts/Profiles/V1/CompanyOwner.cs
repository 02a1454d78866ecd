namespace CrmPlatform.EventContracts.Profiles.V1;

/// <param name="Kind">PERSON, COMPANY, FUND or PUBLIC.</param>
public sealed record CompanyOwner(string Name, string Kind, double SharePercent, Guid? CompanyId);
