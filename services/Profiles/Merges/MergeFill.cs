using CrmPlatform.Profiles.Updates;
using Google.Protobuf;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Merges;

/// <summary>
/// What a survivor takes from the company merged into it: what it lacks, never what it has. Its
/// own values win; tags, other addresses and custom fields are joined.
/// </summary>
internal static class MergeFill
{
    // external_id is not taken: the merged company keeps it (it is unique per tenant, and an undo
    // brings the merged company back with it).
    private static readonly string[] FilledWhenEmpty =
    [
        "legal_name", "registration_number", "website", "domain", "industry", "employee_count", "headquarters",
        "phone", "email", "account_owner", "lifecycle_stage", "annual_revenue", "financial_status", "ownership", "strategy",
    ];

    public static Proto.Company Fill(Proto.Company survivor, Proto.Company merged)
    {
        var after = survivor.Clone();
        // The merged company's message is built for this merge alone, so its values are taken as they are.
        foreach (var name in FilledWhenEmpty)
        {
            var field = Proto.Company.Descriptor.FindFieldByName(name);
            var theirs = field.Accessor.GetValue(merged);
            if (!Updatable.IsSet(field.Accessor.GetValue(after), emptyMessageIsUnset: true) && Updatable.IsSet(theirs, emptyMessageIsUnset: true))
            {
                field.Accessor.SetValue(after, theirs);
            }
        }

        // A company cannot own itself: the merged company's ownership naming the survivor is dropped.
        if (!Updatable.IsSet(survivor.Ownership, emptyMessageIsUnset: true) && after.Ownership is { } ownership
            && (ownership.ParentCompanyId == survivor.Id || ownership.Owners.Any(o => o.CompanyId == survivor.Id)))
        {
            after.Ownership = survivor.Ownership?.Clone();
        }

        after.Tags.AddRange(merged.Tags.Except(after.Tags).ToList());
        after.Addresses.AddRange(merged.Addresses.Where(a => !after.Addresses.Contains(a)).ToList());
        foreach (var (key, value) in merged.CustomFields.Where(f => !after.CustomFields.ContainsKey(f.Key)).ToList())
        {
            after.CustomFields[key] = value.Clone();
        }

        return after;
    }
}
