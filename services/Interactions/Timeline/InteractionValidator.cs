using System.Text.RegularExpressions;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Data;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>Every field of an item, all violations at once; what needs the database (who exists) is checked after.</summary>
internal static partial class InteractionValidator
{
    /// <summary>How far ahead an item may be dated: a scheduled meeting or a task's due date, not a typo in the year.</summary>
    private static readonly TimeSpan MaxFuture = TimeSpan.FromDays(366);

    public const int MaxAddresses = 200;
    public const int MaxMembers = 100;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}\z")]
    private static partial Regex TeamName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\z")]
    private static partial Regex EmailAddress();

    public static FieldViolations Validate(Proto.Interaction? interaction, DateTimeOffset now, FieldViolations violations, string field = "interaction")
    {
        if (interaction is null)
        {
            return violations.Add(field, "is required");
        }

        var kind = interaction.Kind;
        violations
            .Check(kind != Proto.InteractionKind.Unspecified && System.Enum.IsDefined(kind), $"{field}.kind",
                "must be one of NOTE, CALL, MEETING, EMAIL, SOCIAL_SIGNAL, NEWSLETTER_SEND, NEWSLETTER_OPEN, NEWSLETTER_CLICK, DOCUMENT_SENT, TASK")
            .MaxLength($"{field}.subject", interaction.Subject, Interaction.MaxSubjectLength)
            .MaxLength($"{field}.body", interaction.Body, Interaction.MaxBodyLength)
            .Check(System.Enum.IsDefined(interaction.Direction), $"{field}.direction", "must be INBOUND or OUTBOUND")
            .Check(System.Enum.IsDefined(interaction.Visibility), $"{field}.visibility", "must be EVERYONE, TEAM, PRIVATE or SUBJECT_ONLY")
            .Check(interaction.Visibility != Proto.Visibility.Team || TeamName().IsMatch(interaction.Team), $"{field}.team",
                "must name a team (lowercase letters, digits and dashes) when visibility is TEAM")
            .Check(interaction.Visibility == Proto.Visibility.Team || interaction.Team.Length == 0, $"{field}.team", "is only for visibility TEAM")
            .Check(interaction.PersonIds.Count <= Interaction.MaxPeople, $"{field}.person_ids", $"must name at most {Interaction.MaxPeople} people")
            .Check(interaction.Topics.Count <= Interaction.MaxTopics, $"{field}.topics", $"must hold at most {Interaction.MaxTopics} topics");

        // Kinds whose whole content is in their details (a newsletter event, a task) need no text.
        var needsText = kind is Proto.InteractionKind.Unspecified or Proto.InteractionKind.Note or Proto.InteractionKind.Call or Proto.InteractionKind.Meeting or Proto.InteractionKind.Email;
        violations.Check(!needsText || !string.IsNullOrWhiteSpace(interaction.Subject) || !string.IsNullOrWhiteSpace(interaction.Body),
            $"{field}.body", "a subject or a body is required");

        for (var i = 0; i < interaction.PersonIds.Count; i++)
        {
            ResourceId.Parse(interaction.PersonIds[i], $"{field}.person_ids[{i}]", violations);
        }

        for (var i = 0; i < interaction.Topics.Count; i++)
        {
            var topic = InteractionRules.NormalTopic(interaction.Topics[i]);
            violations.Check(topic.Length > 0 && interaction.Topics[i].Trim().Length <= Interaction.MaxTopicLength + 1,
                $"{field}.topics[{i}]", $"must be 1 to {Interaction.MaxTopicLength} characters");
        }

        if (interaction.OccurTime is { } occurTime)
        {
            violations.Check(Timestamps.IsValid(occurTime) && occurTime.ToDateTimeOffset() <= now + MaxFuture,
                $"{field}.occur_time", "must be a valid time at most a year ahead");
        }

        ValidateDetails(interaction, now, violations, field);
        return violations;
    }

    private static void ValidateDetails(Proto.Interaction interaction, DateTimeOffset now, FieldViolations violations, string field)
    {
        var expected = InteractionMapper.DetailsOf(interaction.Kind);
        if (interaction.DetailsCase != Proto.Interaction.DetailsOneofCase.None && interaction.DetailsCase != expected)
        {
            violations.Add($"{field}.{Snake(interaction.DetailsCase)}", $"does not go with kind {interaction.Kind}; it takes {(expected == Proto.Interaction.DetailsOneofCase.None ? "no details" : Snake(expected))}");
            return;
        }

        switch (interaction.DetailsCase)
        {
            case Proto.Interaction.DetailsOneofCase.Call:
                violations
                    .Check(interaction.Call.DurationSeconds is >= 0 and <= 86_400, $"{field}.call.duration_seconds", "must be 0 to 86400")
                    .Check(System.Enum.IsDefined(interaction.Call.Outcome), $"{field}.call.outcome", "is not a known outcome");
                break;
            case Proto.Interaction.DetailsOneofCase.Meeting:
                violations
                    .Check(interaction.Meeting.MemberIds.Count <= MaxMembers, $"{field}.meeting.member_ids", $"must name at most {MaxMembers} members")
                    .Check(interaction.Meeting.DurationMinutes is >= 0 and <= 10_080, $"{field}.meeting.duration_minutes", "must be 0 to 10080")
                    .MaxLength($"{field}.meeting.location", interaction.Meeting.Location, 300);
                for (var i = 0; i < interaction.Meeting.MemberIds.Count; i++)
                {
                    ResourceId.Parse(interaction.Meeting.MemberIds[i], $"{field}.meeting.member_ids[{i}]", violations);
                }

                break;
            case Proto.Interaction.DetailsOneofCase.Email:
                var email = interaction.Email;
                violations
                    .MaxLength($"{field}.email.thread_id", email.ThreadId, 300)
                    .MaxLength($"{field}.email.message_id", email.MessageId, 300)
                    .Check(email.To.Count + email.Cc.Count <= MaxAddresses, $"{field}.email.to", $"to and cc must hold at most {MaxAddresses} addresses");
                if (email.From is { } from)
                {
                    Address(from, $"{field}.email.from", violations);
                }

                for (var i = 0; i < email.To.Count; i++)
                {
                    Address(email.To[i], $"{field}.email.to[{i}]", violations);
                }

                for (var i = 0; i < email.Cc.Count; i++)
                {
                    Address(email.Cc[i], $"{field}.email.cc[{i}]", violations);
                }

                break;
            case Proto.Interaction.DetailsOneofCase.SocialSignal:
                var social = interaction.SocialSignal;
                violations
                    .Required($"{field}.social_signal.network", social.Network)
                    .MaxLength($"{field}.social_signal.network", social.Network, 40)
                    .Check(social.Link.Length == 0 || Uri.TryCreate(social.Link, UriKind.Absolute, out _), $"{field}.social_signal.link", "must be an absolute URL")
                    .MaxLength($"{field}.social_signal.link", social.Link, 2000)
                    .MaxLength($"{field}.social_signal.about", social.About, Interaction.MaxTopicLength)
                    .Check(System.Enum.IsDefined(social.Signal), $"{field}.social_signal.signal", "is not a known signal kind")
                    .Check(social.AuthorConfidence is >= 0 and <= 1 && !double.IsNaN(social.AuthorConfidence), $"{field}.social_signal.author_confidence", "must be 0 to 1");
                break;
            case Proto.Interaction.DetailsOneofCase.Newsletter:
                var newsletter = interaction.Newsletter;
                violations
                    .Required($"{field}.newsletter.campaign_id", newsletter.CampaignId)
                    .MaxLength($"{field}.newsletter.campaign_id", newsletter.CampaignId, 200)
                    .MaxLength($"{field}.newsletter.campaign_name", newsletter.CampaignName, 300)
                    .MaxLength($"{field}.newsletter.link", newsletter.Link, 2000)
                    .MaxLength($"{field}.newsletter.user_agent", newsletter.UserAgent, 1000);
                break;
            case Proto.Interaction.DetailsOneofCase.Document:
                var document = interaction.Document;
                violations
                    .Required($"{field}.document.title", document.Title)
                    .MaxLength($"{field}.document.title", document.Title, 300)
                    .Check(document.Uri.Length == 0 || Uri.TryCreate(document.Uri, UriKind.Absolute, out _), $"{field}.document.uri", "must be an absolute URL")
                    .MaxLength($"{field}.document.uri", document.Uri, 2000)
                    .MaxLength($"{field}.document.version", document.Version, 100)
                    .Check(document.Sha256.Length == 0 || (document.Sha256.Length == 64 && document.Sha256.All(char.IsAsciiHexDigit)), $"{field}.document.sha256", "must be 64 hex digits");
                break;
            case Proto.Interaction.DetailsOneofCase.Task:
                var task = interaction.Task;
                if (task.DueTime is { } due)
                {
                    violations.Check(Timestamps.IsValid(due) && due.ToDateTimeOffset() <= now + MaxFuture, $"{field}.task.due_time", "must be a valid time at most a year ahead");
                }

                if (task.AssigneeId.Length > 0)
                {
                    ResourceId.Parse(task.AssigneeId, $"{field}.task.assignee_id", violations);
                }

                break;
        }

        // Kinds that are nothing without their details.
        if (interaction.DetailsCase == Proto.Interaction.DetailsOneofCase.None)
        {
            violations
                .Check(expected != Proto.Interaction.DetailsOneofCase.Newsletter, $"{field}.newsletter", "is required for a newsletter send, open or click")
                .Check(expected != Proto.Interaction.DetailsOneofCase.SocialSignal, $"{field}.social_signal", "is required for a social signal")
                .Check(expected != Proto.Interaction.DetailsOneofCase.Document, $"{field}.document", "is required for a document sent");
        }
    }

    private static void Address(Proto.EmailAddress address, string field, FieldViolations violations) => violations
        .Check(EmailAddress().IsMatch(address.Address) && address.Address.Length <= 320, $"{field}.address", "must be an email address");

    public static string Snake(Proto.Interaction.DetailsOneofCase detailsCase) => detailsCase switch
    {
        Proto.Interaction.DetailsOneofCase.SocialSignal => "social_signal",
        _ => detailsCase.ToString().ToLowerInvariant(),
    };
}
