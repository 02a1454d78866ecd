using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Contacts;

internal static class ContactPolicyStore
{
    /// <summary>The tenant's policy, or the defaults while it has set none.</summary>
    public static async Task<Proto.ContactPolicy> LoadPolicy(this InteractionsDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.ContactPolicies.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return ContactPolicies.Default();
        }

        var policy = InteractionMapper.Parse<Proto.ContactPolicy>(row.PolicyJson);
        policy.UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.UpdatedAt);
        return policy;
    }
}
