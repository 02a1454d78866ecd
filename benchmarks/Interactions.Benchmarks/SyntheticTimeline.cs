using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Benchmarks.Interactions;

/// <summary>One synthetic item as the service would store it, and the companies and people it is on.</summary>
public sealed record SyntheticItem(
    Guid Id, Guid CompanyId, Guid? PersonId, string Kind, string Channel, string Direction, bool TwoWay,
    string Subject, string Body, DateTimeOffset OccurredAt, string? SourceEventId);

/// <summary>
/// Timelines made up deterministically (calls, emails, meetings, notes and newsletter sends over
/// three years), written by binary COPY straight into the service's tables as the superuser: the
/// fill for the latency figures, and the raw baseline the ingest is measured against. The stored
/// forms are those of services/Interactions (Data/ and Timeline/InteractionRules.cs).
/// </summary>
public static class SyntheticTimeline
{
    private static readonly string[] Topics = ["pricing", "renewal", "onboarding", "integration", "support", "roadmap", "security", "invoice"];

    private static readonly (string Kind, string Channel, string Direction, bool TwoWay)[] Shapes =
    [
        ("Call", "Phone", "Outbound", true), ("Call", "Phone", "Outbound", false), ("Call", "Phone", "Inbound", true),
        ("Email", "Email", "Outbound", false), ("Email", "Email", "Inbound", true), ("Meeting", "Meeting", "Outbound", true),
        ("Note", "None", "None", false), ("NewsletterSend", "Newsletter", "Outbound", false),
    ];

    public static IEnumerable<SyntheticItem> Generate(int count, Func<int, (Guid Company, Guid? Person)> subjectOf, int seed, string? sourcePrefix = null)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var (kind, channel, direction, twoWay) = Shapes[random.Next(Shapes.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var (company, person) = subjectOf(i);
            yield return new SyntheticItem(
                Guid.CreateVersion7(), company, person, kind, channel, direction, twoWay,
                $"{kind} about {topic}", $"Talked about #{topic} and next steps, item {i}.",
                now - TimeSpan.FromMinutes(random.Next(1, 3 * 365 * 24 * 60)),
                sourcePrefix is null ? null : $"{sourcePrefix}-{i}");
        }
    }

    /// <summary>One of 40 campaigns, the same for an item however it is written.</summary>
    public static string CampaignOf(SyntheticItem item) => "c" + (item.OccurredAt.Ticks % 40);

    private static readonly CopyColumn<(Guid Tenant, DateTimeOffset Now, SyntheticItem Item)>[] ItemColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, x => x.Tenant),
        new("id", NpgsqlDbType.Uuid, x => x.Item.Id),
        new("company_id", NpgsqlDbType.Uuid, x => x.Item.CompanyId),
        new("kind", NpgsqlDbType.Varchar, x => x.Item.Kind),
        new("channel", NpgsqlDbType.Varchar, x => x.Item.Channel),
        new("direction", NpgsqlDbType.Varchar, x => x.Item.Direction),
        new("subject", NpgsqlDbType.Varchar, x => x.Item.Subject),
        new("body", NpgsqlDbType.Varchar, x => x.Item.Body),
        new("occurred_at", NpgsqlDbType.TimestampTz, x => x.Item.OccurredAt),
        new("created_at", NpgsqlDbType.TimestampTz, x => x.Now),
        new("updated_at", NpgsqlDbType.TimestampTz, x => x.Now),
        new("owner_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, _ => Array.Empty<Guid>()),
        new("person_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, x => x.Item.PersonId is { } p ? new[] { p } : []),
        new("visibility", NpgsqlDbType.Varchar, _ => "Everyone"),
        new("topics", NpgsqlDbType.Array | NpgsqlDbType.Text, _ => Array.Empty<string>()),
        new("pinned", NpgsqlDbType.Boolean, _ => false),
        new("version", NpgsqlDbType.Integer, _ => 1),
        new("two_way", NpgsqlDbType.Boolean, x => x.Item.TwoWay),
        new("automated", NpgsqlDbType.Boolean, _ => false),
        new("source_system", NpgsqlDbType.Varchar, x => x.Item.SourceEventId is null ? null : "benchmark"),
        new("source_event_id", NpgsqlDbType.Varchar, x => x.Item.SourceEventId),
        // A newsletter names its campaign, as the service stores it.
        new("details_json", NpgsqlDbType.Jsonb, x => x.Item.Kind == "NewsletterSend" ? "{\"newsletter\":{\"campaignId\":\"" + CampaignOf(x.Item) + "\"}}" : null),
        new("campaign_id", NpgsqlDbType.Varchar, x => x.Item.Kind == "NewsletterSend" ? CampaignOf(x.Item) : null),
    ];

    private static readonly CopyColumn<(Guid Tenant, SyntheticItem Item, Guid Subject, bool IsCompany)>[] SubjectColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, x => x.Tenant),
        new("subject_id", NpgsqlDbType.Uuid, x => x.Subject),
        new("interaction_id", NpgsqlDbType.Uuid, x => x.Item.Id),
        new("company_id", NpgsqlDbType.Uuid, x => x.Item.CompanyId),
        new("is_company", NpgsqlDbType.Boolean, x => x.IsCompany),
        new("occurred_at", NpgsqlDbType.TimestampTz, x => x.Item.OccurredAt),
        new("kind", NpgsqlDbType.Varchar, x => x.Item.Kind),
        new("channel", NpgsqlDbType.Varchar, x => x.Item.Channel),
        new("direction", NpgsqlDbType.Varchar, x => x.Item.Direction),
        new("two_way", NpgsqlDbType.Boolean, x => x.Item.TwoWay),
        new("contact", NpgsqlDbType.Boolean, x => x.Item.Channel != "None"),
        new("campaign_id", NpgsqlDbType.Varchar, x => x.Item.Kind == "NewsletterSend" ? CampaignOf(x.Item) : null),
    ];

    /// <summary>Writes the items and their subject rows (company, and person when there is one) in one transaction.</summary>
    public static async Task Copy(string superuser, Guid tenantId, IEnumerable<SyntheticItem> items)
    {
        var list = items as IReadOnlyList<SyntheticItem> ?? items.ToList();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await BinaryCopy.Write(connection, "interactions", ItemColumns, list.Select(item => (tenantId, now, item)));
        await BinaryCopy.Write(connection, "interaction_subjects", SubjectColumns, list.SelectMany(item =>
            item.PersonId is { } person ? new[] { (tenantId, item, item.CompanyId, true), (tenantId, item, person, false) } : [(tenantId, item, item.CompanyId, true)]));
        await transaction.CommitAsync();
    }
}
