using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>
/// A timeline query, checked: whose timeline (a company's, or a person's through the subject
/// rows), which kinds, channel, direction, author, topic, period and words. Full text is matched
/// by the GIN index over subject and body; a subject-only item of someone else matches on its
/// subject alone, so a search cannot reveal words of a body the reader may not see.
/// </summary>
internal sealed record TimelineFilter(
    Guid? CompanyId,
    Guid? PersonId,
    IReadOnlyList<InteractionKind> Kinds,
    Channel? Channel,
    Direction? Direction,
    Guid? AuthorId,
    string? Topic,
    DateTimeOffset? After,
    DateTimeOffset? Before,
    string? Query)
{
    public const int MaxQueryLength = 500;

    public static TimelineFilter Read(Proto.ListInteractionsRequest request, FieldViolations violations)
    {
        var (company, person) = CompanyOrPerson.Read(request.CompanyId, request.PersonId, violations);
        for (var i = 0; i < request.Kinds.Count; i++)
        {
            violations.Check(request.Kinds[i] != Proto.InteractionKind.Unspecified && System.Enum.IsDefined(request.Kinds[i]), $"kinds[{i}]", "is not a kind");
        }

        violations
            .Check(System.Enum.IsDefined(request.Channel), "channel", "is not a channel")
            .Check(System.Enum.IsDefined(request.Direction), "direction", "is not a direction")
            .MaxLength("topic", request.Topic, Interaction.MaxTopicLength + 1)
            .MaxLength("query", request.Query, MaxQueryLength);
        var author = request.AuthorId.Length > 0 ? ResourceId.Parse(request.AuthorId, "author_id", violations) : (Guid?)null;
        var (after, before) = Period(request.OccurAfter, request.OccurBefore, violations);

        return new TimelineFilter(
            company, person,
            [.. request.Kinds.Select(k => (InteractionKind)k)],
            request.Channel == Proto.Channel.Unspecified ? null : (Channel)request.Channel,
            request.Direction == Proto.Direction.Unspecified ? null : (Direction)request.Direction,
            author,
            string.IsNullOrWhiteSpace(request.Topic) ? null : InteractionRules.NormalTopic(request.Topic),
            after, before,
            string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim());
    }

    public static TimelineFilter ForTopics(Proto.ListTopicsRequest request, FieldViolations violations)
    {
        var (company, person) = CompanyOrPerson.Read(request.CompanyId, request.PersonId, violations);
        var (after, before) = Period(request.OccurAfter, request.OccurBefore, violations);
        return new TimelineFilter(company, person, [], null, null, null, null, after, before, null);
    }

    public IQueryable<Interaction> Apply(IQueryable<Interaction> items, IQueryable<InteractionSubject> subjects, Reader reader)
    {
        var query = items.Where(i => i.DeletedAt == null).Where(reader.CanSee);
        if (CompanyId is { } company)
        {
            query = query.Where(i => i.CompanyId == company);
        }

        if (PersonId is { } person)
        {
            query = query.Where(i => subjects.Any(s => s.SubjectId == person && s.InteractionId == i.Id));
        }

        if (Kinds.Count > 0)
        {
            var kinds = Kinds.ToList();
            query = query.Where(i => kinds.Contains(i.Kind));
        }

        if (Channel is { } channel)
        {
            query = query.Where(i => i.Channel == channel);
        }

        if (Direction is { } direction)
        {
            query = query.Where(i => i.Direction == direction);
        }

        if (AuthorId is { } author)
        {
            query = query.Where(i => i.AuthorId == author);
        }

        if (Topic is { } topic)
        {
            query = query.Where(i => i.Topics.Contains(topic));
        }

        if (After is { } after)
        {
            query = query.Where(i => i.OccurredAt >= after);
        }

        if (Before is { } before)
        {
            query = query.Where(i => i.OccurredAt < before);
        }

        if (Query is { } words)
        {
            const string config = InteractionConfiguration.TextSearchConfiguration;
            var member = reader.MemberId ?? Guid.Empty;
            query = query.Where(i => EF.Property<NpgsqlTsVector>(i, "Search").Matches(EF.Functions.WebSearchToTsQuery(config, words))
                && (i.Visibility != Visibility.SubjectOnly || i.AuthorId == member || i.OwnerIds.Contains(member)
                    || EF.Functions.ToTsVector(config, i.Subject ?? "").Matches(EF.Functions.WebSearchToTsQuery(config, words))));
        }

        return query;
    }


    private static (DateTimeOffset? After, DateTimeOffset? Before) Period(
        Google.Protobuf.WellKnownTypes.Timestamp? after, Google.Protobuf.WellKnownTypes.Timestamp? before, FieldViolations violations)
    {
        violations
            .Check(after is null || Timestamps.IsValid(after), "occur_after", "must be a valid time")
            .Check(before is null || Timestamps.IsValid(before), "occur_before", "must be a valid time");
        var from = after is not null && Timestamps.IsValid(after) ? after.ToDateTimeOffset() : (DateTimeOffset?)null;
        var to = before is not null && Timestamps.IsValid(before) ? before.ToDateTimeOffset() : (DateTimeOffset?)null;
        violations.Check(from is null || to is null || from < to, "occur_before", "must be after occur_after");
        return (from, to);
    }
}
