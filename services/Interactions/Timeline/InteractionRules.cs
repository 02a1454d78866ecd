using System.Text.RegularExpressions;
using CrmPlatform.Interactions.Data;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>What follows from an item's kind and fields: its channel, direction, whether the client took part, its topics.</summary>
internal static partial class InteractionRules
{
    public static Channel ChannelOf(InteractionKind kind) => kind switch
    {
        InteractionKind.Call => Channel.Phone,
        InteractionKind.Meeting => Channel.Meeting,
        InteractionKind.Email or InteractionKind.DocumentSent => Channel.Email,
        InteractionKind.SocialSignal => Channel.Social,
        InteractionKind.NewsletterSend or InteractionKind.NewsletterOpen or InteractionKind.NewsletterClick => Channel.Newsletter,
        _ => Channel.None,
    };

    /// <summary>
    /// The direction a kind fixes (a newsletter is sent out, opened by the client), else the one
    /// given, else what an email's sender tells (a member's address: outbound).
    /// </summary>
    public static Direction DirectionOf(InteractionKind kind, Proto.Direction given, bool sentByMember) => kind switch
    {
        InteractionKind.NewsletterSend or InteractionKind.DocumentSent => Direction.Outbound,
        InteractionKind.NewsletterOpen or InteractionKind.NewsletterClick or InteractionKind.SocialSignal => Direction.Inbound,
        InteractionKind.Note or InteractionKind.Task => Direction.None,
        _ when given != Proto.Direction.Unspecified => (Direction)given,
        InteractionKind.Email => sentByMember ? Direction.Outbound : Direction.Inbound,
        InteractionKind.Meeting => Direction.Outbound,
        _ => Direction.Outbound,
    };

    /// <summary>
    /// A contact the client took part in: anything they sent or said (inbound email, call or social
    /// post, a real newsletter open or click), a meeting, or a call that connected. Silence
    /// after our outbound call or email is not a conversation.
    /// </summary>
    public static bool IsTwoWay(InteractionKind kind, Direction direction, Proto.CallOutcome outcome, bool automated) => kind switch
    {
        InteractionKind.Meeting => true,
        InteractionKind.Call => direction == Direction.Inbound || outcome == Proto.CallOutcome.Connected,
        InteractionKind.NewsletterOpen or InteractionKind.NewsletterClick => !automated,
        InteractionKind.Email or InteractionKind.SocialSignal => direction == Direction.Inbound,
        _ => false,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])#([\p{L}\p{N}_][\p{L}\p{N}_-]{0,59})")]
    private static partial Regex Hashtag();

    /// <summary>
    /// The topics an item carries: those given, the #hashtags of its subject and body, and what a
    /// social signal is about; trimmed, lower case, each once, in that order, at most
    /// <see cref="Interaction.MaxTopics"/>.
    /// </summary>
    public static List<string> TopicsOf(IEnumerable<string> given, string? subject, string? body, string? socialAbout)
    {
        var hashtags = new[] { subject, body }
            .Where(text => !string.IsNullOrEmpty(text))
            .SelectMany(text => Hashtag().Matches(text!).Select(m => m.Groups[1].Value));
        var about = string.IsNullOrWhiteSpace(socialAbout) ? [] : new[] { socialAbout };
        return given.Concat(hashtags).Concat(about)
            .Select(NormalTopic)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(Interaction.MaxTopics)
            .ToList();
    }

    public static string NormalTopic(string topic)
    {
        var trimmed = topic.Trim().TrimStart('#').Trim().ToLowerInvariant();
        return trimmed.Length > Interaction.MaxTopicLength ? trimmed[..Interaction.MaxTopicLength].TrimEnd() : trimmed;
    }

    // Opens and clicks that no person made: Apple Mail Privacy Protection and Gmail's image proxy
    // fetch every image on delivery, and link scanners of mail gateways follow every link.
    private static readonly string[] AutomatedAgents =
    [
        "googleimageproxy", "yahoomailproxy", "apple-mail-privacy", "mail privacy protection",
        "barracuda", "mimecast", "proofpoint", "symantec", "messagelabs", "forcepoint", "trend micro",
        "safelinks", "microsoft office protocol discovery", "crawler", "spider", "scanner", "headless",
    ];

    // "Googlebot/2.1", "bingbot", "bot;": a bot names itself; "CUBOT_X30", a phone, does not.
    [GeneratedRegex(@"bot(?:[/;)\s]|$)|\bbot\b")]
    private static partial Regex Bot();

    /// <summary>How soon after the send an open or click is too quick for a person to have read the email.</summary>
    public static readonly TimeSpan HumanlyImpossible = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a newsletter open or click was made by a privacy proxy or a scanner: by its user
    /// agent, by an empty one, or by coming within <see cref="HumanlyImpossible"/> of the send.
    /// </summary>
    public static bool IsAutomated(InteractionKind kind, string? userAgent, DateTimeOffset occurredAt, DateTimeOffset? sentAt)
    {
        if (kind is not (InteractionKind.NewsletterOpen or InteractionKind.NewsletterClick))
        {
            return false;
        }

        if (sentAt is { } sent && occurredAt - sent < HumanlyImpossible && occurredAt >= sent)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return kind == InteractionKind.NewsletterOpen;
        }

        var agent = userAgent.ToLowerInvariant();
        // Apple's proxy presents a bare "Mozilla/5.0" with no platform or engine after it.
        return agent.Trim() == "mozilla/5.0" || AutomatedAgents.Any(agent.Contains) || Bot().IsMatch(agent);
    }
}
