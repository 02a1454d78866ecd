using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Merges;

/// <summary>What an undo does to the survivor's fields the merge filled.</summary>
internal static class MergeUndo
{
    /// <summary>
    /// The survivor with each filled field back as it was before the merge, unless someone has
    /// changed it since (its value is no longer the one the merge put there): a later edit wins.
    /// </summary>
    public static Proto.Company Restore(Proto.Company current, IEnumerable<string> filledFields, Proto.Company filledBefore, Proto.Company filledAfter)
    {
        var restored = current.Clone();
        foreach (var field in filledFields.Where(f => CompanyHistory.Only([f], current).Equals(CompanyHistory.Only([f], filledAfter))))
        {
            restored = UpdatableFields<Proto.Company>.Apply(FieldMask.FromString(field), filledBefore, restored);
        }

        return restored;
    }
}
