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
        return FromStored(row?.PolicyJson, row?.UpdatedAt);
    }

    /// <summary>The policy stored as <paramref name="json"/>, or the defaults while the tenant has set none.</summary>
    public static Proto.ContactPolicy FromStored(string? json, DateTimeOffset? updatedAt)
    {
        if (json is null)
        {
            return ContactPolicies.Default();
        }

        var policy = InteractionMapper.Parse<Proto.ContactPolicy>(json);
        policy.UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(updatedAt!.Value);
        return policy;
    }

    /// <summary>The statement that reads the stored policy, for a batch: its JSON and update time, or no row.</summary>
    public const string Select = "SELECT policy_json, updated_at FROM contact_policies WHERE tenant_id = @tenant";
}
