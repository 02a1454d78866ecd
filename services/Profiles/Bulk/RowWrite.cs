using CrmPlatform.EventContracts;
using CrmPlatform.Profiles.Data;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>A row that passed validation and what writing it means: the company, its history, its events.</summary>
internal sealed record RowWrite(int Row, Company Company, Proto.ImportOutcome Outcome, List<CompanyChange> Changes, List<IntegrationEvent> Events);
