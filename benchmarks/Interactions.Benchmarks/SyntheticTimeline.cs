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

    /// <summary>Known companies for the synthetic ones (items may only name companies the service knows).</summary>
    public static async Task AddKnownCompanies(string superuser, Guid tenantId, IEnumerable<(Guid Id, string Name)> companies)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY known_companies (tenant_id, company_id, name, known_since, updated_at) FROM STDIN (FORMAT BINARY)");
        var now = DateTimeOffset.UtcNow.AddYears(-3);
        foreach (var (id, name) in companies)
        {
            await writer.WriteRowAsync(default, tenantId, id, name, now, now);
        }

        await writer.CompleteAsync();
    }

    /// <summary>Writes the items and their subject rows (company, and person when there is one) in one transaction.</summary>
    public static async Task Copy(string superuser, Guid tenantId, IEnumerable<SyntheticItem> items)
    {
        var list = items as IReadOnlyList<SyntheticItem> ?? items.ToList();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY interactions (tenant_id, id, company_id, kind, channel, direction, subject, body, occurred_at, created_at, updated_at,
              owner_ids, person_ids, visibility, topics, pinned, version, two_way, automated, source_system, source_event_id, details_json, campaign_id)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var item in list)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(item.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(item.CompanyId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(item.Kind, NpgsqlDbType.Varchar);
                await writer.WriteAsync(item.Channel, NpgsqlDbType.Varchar);
                await writer.WriteAsync(item.Direction, NpgsqlDbType.Varchar);
                await writer.WriteAsync(item.Subject, NpgsqlDbType.Varchar);
                await writer.WriteAsync(item.Body, NpgsqlDbType.Varchar);
                await writer.WriteAsync(item.OccurredAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                await writer.WriteAsync(item.PersonId is { } p ? new[] { p } : [], NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                await writer.WriteAsync("Everyone", NpgsqlDbType.Varchar);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(item.TwoWay, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                if (item.SourceEventId is null)
                {
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(item.SourceEventId, NpgsqlDbType.Varchar);
                }

                // A newsletter names its campaign, as the service stores it.
                if (item.Kind == "NewsletterSend")
                {
                    await writer.WriteAsync("{\"newsletter\":{\"campaignId\":\"" + CampaignOf(item) + "\"}}", NpgsqlDbType.Jsonb);
                    await writer.WriteAsync(CampaignOf(item), NpgsqlDbType.Varchar);
                }
                else
                {
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                }
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY interaction_subjects (tenant_id, subject_id, interaction_id, company_id, is_company, occurred_at, kind, channel, direction, two_way, contact, campaign_id)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var item in list)
            {
                foreach (var (subject, isCompany) in item.PersonId is { } person ? new[] { (item.CompanyId, true), (person, false) } : [(item.CompanyId, true)])
                {
                    await writer.WriteRowAsync(default, tenantId, subject, item.Id, item.CompanyId, isCompany, item.OccurredAt,
                        item.Kind, item.Channel, item.Direction, item.TwoWay, item.Channel != "None",
                        item.Kind == "NewsletterSend" ? CampaignOf(item) : null);
                }
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
    }
}
