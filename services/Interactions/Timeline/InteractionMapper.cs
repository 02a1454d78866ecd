using CrmPlatform.Interactions.Data;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Timeline;

internal static class InteractionMapper
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The item as <paramref name="reader"/> may see it: body and details withheld from a subject-only item of someone else.</summary>
    public static Proto.Interaction ToProto(this Interaction interaction, Reader reader)
    {
        var whole = reader.SeesWhole(interaction);
        var proto = new Proto.Interaction
        {
            Id = interaction.Id.ToString(),
            CompanyId = interaction.CompanyId.ToString(),
            Kind = (Proto.InteractionKind)interaction.Kind,
            Subject = interaction.Subject ?? "",
            Body = whole ? interaction.Body ?? "" : "",
            OccurTime = Timestamp.FromDateTimeOffset(interaction.OccurredAt),
            AuthorId = interaction.AuthorId?.ToString() ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(interaction.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(interaction.UpdatedAt),
            DeleteTime = interaction.DeletedAt is { } deleted ? Timestamp.FromDateTimeOffset(deleted) : null,
            PersonIds = { interaction.PersonIds.Select(p => p.ToString()) },
            OwnerIds = { interaction.OwnerIds.Select(o => o.ToString()) },
            Direction = (Proto.Direction)interaction.Direction,
            Channel = (Proto.Channel)interaction.Channel,
            Visibility = (Proto.Visibility)interaction.Visibility,
            Team = interaction.Team ?? "",
            Topics = { interaction.Topics },
            Pinned = interaction.Pinned,
            Version = interaction.Version,
            Etag = EtagOf(interaction),
            Redacted = !whole,
            Source = interaction.SourceEventId is null ? null : new Proto.Source { System = interaction.SourceSystem ?? "", EventId = interaction.SourceEventId },
        };

        if (whole && interaction.DetailsJson is { } json)
        {
            CopyDetails(Parser.Parse<Proto.Interaction>(json), proto);
        }

        return proto;
    }

    public static string EtagOf(Interaction interaction) => $"W/\"{interaction.Version}\"";

    /// <summary>The kind's own fields alone, as stored: <c>{"call": {...}}</c>; null when there are none.</summary>
    public static string? DetailsJsonOf(Proto.Interaction proto)
    {
        if (proto.DetailsCase == Proto.Interaction.DetailsOneofCase.None)
        {
            return null;
        }

        var details = new Proto.Interaction();
        CopyDetails(proto, details);
        return Formatter.Format(details);
    }

    public static void CopyDetails(Proto.Interaction from, Proto.Interaction to)
    {
        switch (from.DetailsCase)
        {
            case Proto.Interaction.DetailsOneofCase.Call: to.Call = from.Call; break;
            case Proto.Interaction.DetailsOneofCase.Meeting: to.Meeting = from.Meeting; break;
            case Proto.Interaction.DetailsOneofCase.Email: to.Email = from.Email; break;
            case Proto.Interaction.DetailsOneofCase.SocialSignal: to.SocialSignal = from.SocialSignal; break;
            case Proto.Interaction.DetailsOneofCase.Newsletter: to.Newsletter = from.Newsletter; break;
            case Proto.Interaction.DetailsOneofCase.Document: to.Document = from.Document; break;
            case Proto.Interaction.DetailsOneofCase.Task: to.Task = from.Task; break;
            default: to.ClearDetails(); break;
        }
    }

    /// <summary>The details case each kind carries; a note carries none.</summary>
    public static Proto.Interaction.DetailsOneofCase DetailsOf(Proto.InteractionKind kind) => kind switch
    {
        Proto.InteractionKind.Call => Proto.Interaction.DetailsOneofCase.Call,
        Proto.InteractionKind.Meeting => Proto.Interaction.DetailsOneofCase.Meeting,
        Proto.InteractionKind.Email => Proto.Interaction.DetailsOneofCase.Email,
        Proto.InteractionKind.SocialSignal => Proto.Interaction.DetailsOneofCase.SocialSignal,
        Proto.InteractionKind.NewsletterSend or Proto.InteractionKind.NewsletterOpen or Proto.InteractionKind.NewsletterClick
            => Proto.Interaction.DetailsOneofCase.Newsletter,
        Proto.InteractionKind.DocumentSent => Proto.Interaction.DetailsOneofCase.Document,
        Proto.InteractionKind.Task => Proto.Interaction.DetailsOneofCase.Task,
        _ => Proto.Interaction.DetailsOneofCase.None,
    };

    public static string Format(IMessage message) => Formatter.Format(message);

    public static T Parse<T>(string json) where T : IMessage<T>, new() => Parser.Parse<T>(json);
}
