using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.History;

/// <summary>Writes a company's field changes and reads them back: as a list, or as the company stood at a time.</summary>
internal static class CompanyHistory
{
    public const string PersonPrefix = "person.";

    /// <summary>Deleting, undeleting and merging are recorded as a change of this field.</summary>
    public const string DeleteTimeField = "delete_time";
    public const string ProjectPrefix = "project.";

    public static IEnumerable<CompanyChange> Changes(Guid companyId, Proto.Company before, Proto.Company after, IEnumerable<string> fields, string actor, DateTimeOffset at) =>
        fields.Select(field => Change(companyId, null, null, "", field, before, after, actor, at));

    public static IEnumerable<CompanyChange> PersonChanges(Person person, Proto.Person before, Proto.Person after, IEnumerable<string> fields, string actor, DateTimeOffset at) =>
        fields.Select(field => Change(person.CompanyId, person.Id, null, PersonPrefix, field, before, after, actor, at));

    public static IEnumerable<CompanyChange> ProjectChanges(Project project, Proto.Project before, Proto.Project after, IEnumerable<string> fields, string actor, DateTimeOffset at) =>
        fields.Select(field => Change(project.CompanyId, null, project.Id, ProjectPrefix, field, before, after, actor, at));

    public static Proto.CompanyChange ToProto(this CompanyChange change)
    {
        var proto = new Proto.CompanyChange
        {
            Id = change.Id.ToString(),
            CompanyId = change.CompanyId.ToString(),
            Field = change.Field,
            Actor = change.Actor,
            ChangeTime = Timestamp.FromDateTimeOffset(change.ChangedAt),
        };
        if (change.PersonId is { } person)
        {
            proto.PersonId = person.ToString();
            proto.PersonBefore = Proto.Person.Parser.ParseJson(change.Before);
            proto.PersonAfter = Proto.Person.Parser.ParseJson(change.After);
        }
        else if (change.ProjectId is { } project)
        {
            proto.ProjectId = project.ToString();
            proto.ProjectBefore = Proto.Project.Parser.ParseJson(change.Before);
            proto.ProjectAfter = Proto.Project.Parser.ParseJson(change.After);
        }
        else
        {
            proto.Before = Proto.Company.Parser.ParseJson(change.Before);
            proto.After = Proto.Company.Parser.ParseJson(change.After);
        }

        return proto;
    }

    private static CompanyChange Change<T>(Guid companyId, Guid? personId, Guid? projectId, string prefix, string field, T before, T after, string actor, DateTimeOffset at)
        where T : IMessage<T>, new() => new()
    {
        CompanyId = companyId,
        PersonId = personId,
        ProjectId = projectId,
        Field = prefix + field,
        Before = JsonFormatter.Default.Format(Only([field], before)),
        After = JsonFormatter.Default.Format(Only([field], after)),
        Actor = actor,
        ChangedAt = at,
    };

    /// <summary>
    /// A company, person or project as it stood at <paramref name="asOf"/>: every one of its
    /// <paramref name="changes"/> (newest first) made later is undone by putting back its "before"
    /// value, and the version is stamped with the last change at or before that time (its
    /// creation when none). A past version has no etag: it cannot be updated.
    /// </summary>
    public static T Rewind<T>(T current, IEnumerable<CompanyChange> changes, DateTimeOffset asOf, DateTimeOffset createdAt, string prefix = "")
        where T : IMessage<T>, new()
    {
        var past = current.Clone();
        var descriptor = past.Descriptor;
        DateTimeOffset? lastChangedAt = null;
        foreach (var change in changes)
        {
            if (change.ChangedAt > asOf)
            {
                FieldMaskApplier.Apply([change.Field[prefix.Length..]], descriptor.Parser.ParseJson(change.Before), past);
            }
            else
            {
                lastChangedAt ??= change.ChangedAt;
            }
        }

        descriptor.FindFieldByName("etag").Accessor.SetValue(past, "");
        descriptor.FindFieldByName("update_time").Accessor.SetValue(past, Timestamp.FromDateTimeOffset(lastChangedAt ?? createdAt));
        return past;
    }

    /// <summary>A message with just <paramref name="fields"/> set, to their values in <paramref name="message"/>.</summary>
    public static T Only<T>(IEnumerable<string> fields, T message)
        where T : IMessage<T>, new()
    {
        var only = new T();
        FieldMaskApplier.Apply(fields, message, only);
        return only;
    }
}
