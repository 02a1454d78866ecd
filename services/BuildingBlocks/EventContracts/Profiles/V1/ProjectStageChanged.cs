namespace CrmPlatform.EventContracts.Profiles.V1;

/// <summary>A project was created (<see cref="PreviousStage"/> null) or moved to another stage.</summary>
public sealed record ProjectStageChanged(
    Guid TenantId,
    Guid CompanyId,
    Guid ProjectId,
    string? PreviousStage,
    string Stage,
    decimal? Value,
    string? ValueCurrency) : IntegrationEvent(TenantId);
