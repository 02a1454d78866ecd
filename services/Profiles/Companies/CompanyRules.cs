using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Companies;

/// <summary>What a company is checked against besides itself: the date, and the tenant's own fields.</summary>
public sealed record CompanyRules(DateOnly Today, IReadOnlyDictionary<string, CustomFieldType> CustomFields)
{
    public static async Task<CompanyRules> Load(ProfilesDbContext db, DateOnly today, CancellationToken cancellationToken) => new(
        today,
        await db.CustomFieldDefinitions.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.Type, cancellationToken));
}
