using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>One row as read: the company, or what made it unreadable (a CSV cell that is not a number, a line that is not JSON).</summary>
public sealed record ImportInput(Proto.Company Company, IReadOnlyList<(string Field, string Description)> Problems)
{
    public static ImportInput Of(Proto.Company company) => new(company, []);
}
