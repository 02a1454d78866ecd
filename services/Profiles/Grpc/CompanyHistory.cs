using CrmPlatform.Profiles.Data;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Writes a company's field changes and reads them back: as a list, or as the company stood at a time.</summary>
internal static class CompanyHistory
{
    private static readonly FieldMask.MergeOptions Replace = new() { ReplaceMessageFields = true, ReplaceRepeatedFields = true };

    public static IEnumerable<CompanyChange> Changes(Guid companyId, Proto.Company before, Proto.Company after, IEnumerable<string> fields, string actor, DateTimeOffset at) =>
        fields.Select(field => new CompanyChange
        {
            CompanyId = companyId,
            Field = field,
            Before = JsonFormatter.Default.Format(Only(field, before)),
            After = JsonFormatter.Default.Format(Only(field, after)),
            Actor = actor,
            ChangedAt = at,
        });

    public static Proto.CompanyChange ToProto(this CompanyChange change) => new()
    {
        Id = change.Id.ToString(),
        CompanyId = change.CompanyId.ToString(),
        Field = change.Field,
        Before = Proto.Company.Parser.ParseJson(change.Before),
        After = Proto.Company.Parser.ParseJson(change.After),
        Actor = change.Actor,
        ChangeTime = Timestamp.FromDateTimeOffset(change.ChangedAt),
    };

    /// <summary>
    /// The company as it stood before <paramref name="laterChanges"/> (newest first) were made and
    /// after everything earlier, last changed at <paramref name="lastChangedAt"/>. A past version
    /// has no etag: it cannot be updated.
    /// </summary>
    public static Proto.Company Rewind(Proto.Company current, IEnumerable<CompanyChange> laterChanges, DateTimeOffset lastChangedAt)
    {
        var past = current.Clone();
        foreach (var change in laterChanges)
        {
            FieldMask.FromString(change.Field).Merge(Proto.Company.Parser.ParseJson(change.Before), past, Replace);
        }

        past.Etag = "";
        past.UpdateTime = Timestamp.FromDateTimeOffset(lastChangedAt);
        past.PurgeTime = past.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted.ToDateTimeOffset() + Company.RestorePeriod) : null;
        return past;
    }

    private static Proto.Company Only(string field, Proto.Company company)
    {
        var only = new Proto.Company();
        FieldMask.FromString(field).Merge(company, only, Replace);
        return only;
    }
}
