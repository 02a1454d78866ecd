using CrmPlatform.Interactions.Data;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using static CrmPlatform.Interactions.Data.RawSql;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>
/// An ingest batch's new items and their timeline rows, written by <see cref="BulkCopy"/> in one
/// statement: an item another ingest stored first under the same source event (a unique index
/// decides) is skipped, and so are its timeline rows.
/// </summary>
internal static class InteractionCopy
{
    private static readonly BulkColumn<Interaction>[] InteractionColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, i => i.TenantId),
        new("id", NpgsqlDbType.Uuid, i => i.Id),
        new("company_id", NpgsqlDbType.Uuid, i => i.CompanyId),
        new("kind", NpgsqlDbType.Varchar, i => i.Kind.ToString()),
        new("channel", NpgsqlDbType.Varchar, i => i.Channel.ToString()),
        new("direction", NpgsqlDbType.Varchar, i => i.Direction.ToString()),
        new("subject", NpgsqlDbType.Varchar, i => i.Subject),
        new("body", NpgsqlDbType.Varchar, i => i.Body),
        new("occurred_at", NpgsqlDbType.TimestampTz, i => i.OccurredAt),
        new("created_at", NpgsqlDbType.TimestampTz, i => i.CreatedAt),
        new("updated_at", NpgsqlDbType.TimestampTz, i => i.UpdatedAt),
        new("author_id", NpgsqlDbType.Uuid, i => i.AuthorId),
        new("owner_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, i => i.OwnerIds),
        new("person_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, i => i.PersonIds),
        new("visibility", NpgsqlDbType.Varchar, i => i.Visibility.ToString()),
        new("team", NpgsqlDbType.Varchar, i => i.Team),
        new("topics", NpgsqlDbType.Array | NpgsqlDbType.Text, i => i.Topics),
        new("pinned", NpgsqlDbType.Boolean, i => i.Pinned),
        new("version", NpgsqlDbType.Integer, i => i.Version),
        new("details_json", NpgsqlDbType.Jsonb, i => i.DetailsJson),
        new("two_way", NpgsqlDbType.Boolean, i => i.TwoWay),
        new("automated", NpgsqlDbType.Boolean, i => i.Automated),
        new("campaign_id", NpgsqlDbType.Varchar, i => i.CampaignId),
        new("source_system", NpgsqlDbType.Varchar, i => i.SourceSystem),
        new("source_event_id", NpgsqlDbType.Varchar, i => i.SourceEventId),
    ];

    private static readonly BulkColumn<InteractionSubject>[] SubjectColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, s => s.TenantId),
        new("subject_id", NpgsqlDbType.Uuid, s => s.SubjectId),
        new("interaction_id", NpgsqlDbType.Uuid, s => s.InteractionId),
        new("company_id", NpgsqlDbType.Uuid, s => s.CompanyId),
        new("is_company", NpgsqlDbType.Boolean, s => s.IsCompany),
        new("occurred_at", NpgsqlDbType.TimestampTz, s => s.OccurredAt),
        new("kind", NpgsqlDbType.Varchar, s => s.Kind.ToString()),
        new("channel", NpgsqlDbType.Varchar, s => s.Channel.ToString()),
        new("direction", NpgsqlDbType.Varchar, s => s.Direction.ToString()),
        new("two_way", NpgsqlDbType.Boolean, s => s.TwoWay),
        new("author_id", NpgsqlDbType.Uuid, s => s.AuthorId),
        new("campaign_id", NpgsqlDbType.Varchar, s => s.CampaignId),
        new("contact", NpgsqlDbType.Boolean, s => s.Contact),
    ];

    /// <summary>Writes the items and their timeline rows; returns the ids of the items written.</summary>
    public static async Task<HashSet<Guid>> InsertAsync(
        InteractionsDbContext db, IReadOnlyCollection<Interaction> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var stagedItems = await BulkCopy.StageAsync(db, "interactions", InteractionColumns, items, cancellationToken);
        var stagedSubjects = await BulkCopy.StageAsync(db, "interaction_subjects", SubjectColumns, items.SelectMany(TimelineRows), cancellationToken);
        var itemColumns = BulkCopy.ColumnList(InteractionColumns);
        var subjectColumns = BulkCopy.ColumnList(SubjectColumns);
        var written = await db.ReadAsync(
            $"""
            WITH written AS (
              INSERT INTO interactions ({itemColumns}) SELECT {itemColumns} FROM {stagedItems}
              ON CONFLICT (tenant_id, source_system, source_event_id) WHERE source_event_id IS NOT NULL DO NOTHING
              RETURNING id),
            timeline AS (
              INSERT INTO interaction_subjects ({subjectColumns}) SELECT {subjectColumns} FROM {stagedSubjects}
              WHERE interaction_id IN (SELECT id FROM written))
            SELECT id FROM written
            """,
            r => r.GetGuid(0),
            cancellationToken);
        return [.. written];
    }

    /// <summary>Adds owners to stored items (a repeat of a source event from another mailbox).</summary>
    public static async Task AddOwnersAsync(InteractionsDbContext db, IReadOnlyCollection<(Guid Interaction, Guid Owner)> owners, CancellationToken cancellationToken)
    {
        if (owners.Count == 0)
        {
            return;
        }

        // One statement: each item once, with the owners it gains appended after those it has.
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE interactions i SET owner_ids = i.owner_ids || ARRAY(SELECT a FROM unnest(o.added) AS a WHERE NOT a = ANY(i.owner_ids))
            FROM (SELECT g.interaction_id, array_agg(DISTINCT g.owner) AS added
                  FROM unnest(@interactions, @owners) AS g(interaction_id, owner) GROUP BY g.interaction_id) o
            WHERE i.tenant_id = @tenant AND i.id = o.interaction_id AND NOT o.added <@ i.owner_ids
            """,
            [P("tenant", db.TenantId), P("interactions", owners.Select(o => o.Interaction).ToArray()), P("owners", owners.Select(o => o.Owner).ToArray())],
            cancellationToken);
    }

    private static IEnumerable<InteractionSubject> TimelineRows(Interaction item) =>
        Timeline.TimelineWriter.SubjectsOf(item).Select(subject => Timeline.TimelineWriter.SubjectRow(item, subject));
}
