using System;
using System.Collections.Generic;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CrmPlatform.Interactions.Data.Migrations
{
    /// <summary>
    /// The timeline in full: typed kinds, people, visibility, versions, topics and full text; every
    /// item on its company's and people's timelines (interaction_subjects); contact statistics and
    /// policy; the tenant's members.
    /// </summary>
    public partial class Timeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_tenant_id_company_id_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "author",
                table: "interactions");

            migrationBuilder.AddColumn<Guid>(
                name: "author_id",
                table: "interactions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "automated",
                table: "interactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "interactions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "interactions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "details_json",
                table: "interactions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "direction",
                table: "interactions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "owner_ids",
                table: "interactions",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "person_ids",
                table: "interactions",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "pinned",
                table: "interactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "source_event_id",
                table: "interactions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_system",
                table: "interactions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "team",
                table: "interactions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "topics",
                table: "interactions",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "two_way",
                table: "interactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "interactions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "interactions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "visibility",
                table: "interactions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Everyone");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search",
                table: "interactions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(subject, '')), 'A') || setweight(to_tsvector('simple', coalesce(body, '')), 'B')",
                stored: true);

            // Row-level security hides every row from the migration, even from the table's owner
            // while it is forced: lift it for the backfill of items recorded before this version.
            migrationBuilder.Sql("""
                ALTER TABLE interactions NO FORCE ROW LEVEL SECURITY;
                UPDATE interactions SET
                  channel = CASE kind WHEN 'Call' THEN 'Phone' WHEN 'Meeting' THEN 'Meeting' WHEN 'Email' THEN 'Email' ELSE 'None' END,
                  direction = CASE WHEN kind IN ('Call', 'Meeting', 'Email') THEN 'Outbound' ELSE 'None' END,
                  two_way = kind = 'Meeting',
                  updated_at = created_at;
                ALTER TABLE interactions FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.CreateTable(
                name: "contact_policies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_json = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "contact_stats",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_company = table.Column<bool>(type: "boolean", nullable: false),
                    account_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cadence_days = table.Column<int>(type: "integer", nullable: true),
                    known_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_contact_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    over_contacted_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    over_contacted_reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    stats_json = table.Column<string>(type: "jsonb", nullable: true),
                    profile_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    listed = table.Column<bool>(type: "boolean", nullable: false),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_stats", x => new { x.tenant_id, x.subject_id });
                });

            migrationBuilder.CreateTable(
                name: "interaction_subjects",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    interaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_company = table.Column<bool>(type: "boolean", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    two_way = table.Column<bool>(type: "boolean", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_subjects", x => new { x.tenant_id, x.subject_id, x.interaction_id });
                });

            migrationBuilder.CreateTable(
                name: "interaction_versions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    interaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    snapshot_json = table.Column<string>(type: "jsonb", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_versions", x => new { x.tenant_id, x.interaction_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "known_members",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    teams = table.Column<List<string>>(type: "text[]", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_members", x => new { x.tenant_id, x.member_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_search",
                table: "interactions",
                column: "search")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_id_company_id_occurred_at_id",
                table: "interactions",
                columns: new[] { "tenant_id", "company_id", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_id_source_system_source_event_id",
                table: "interactions",
                columns: new[] { "tenant_id", "source_system", "source_event_id" },
                unique: true,
                filter: "source_event_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contact_stats_tenant_id_company_id",
                table: "contact_stats",
                columns: new[] { "tenant_id", "company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_stats_tenant_id_is_company_due_at",
                table: "contact_stats",
                columns: new[] { "tenant_id", "is_company", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_stats_tenant_id_is_company_over_contacted_until",
                table: "contact_stats",
                columns: new[] { "tenant_id", "is_company", "over_contacted_until" });

            migrationBuilder.CreateIndex(
                name: "ix_interaction_subjects_tenant_id_company_id_occurred_at",
                table: "interaction_subjects",
                columns: new[] { "tenant_id", "company_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interaction_subjects_tenant_id_interaction_id",
                table: "interaction_subjects",
                columns: new[] { "tenant_id", "interaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_interaction_subjects_tenant_id_subject_id_channel_direction",
                table: "interaction_subjects",
                columns: new[] { "tenant_id", "subject_id", "channel", "direction", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interaction_subjects_tenant_id_subject_id_occurred_at_inter",
                table: "interaction_subjects",
                columns: new[] { "tenant_id", "subject_id", "occurred_at", "interaction_id" });

            foreach (var table in new[] { "contact_policies", "contact_stats", "interaction_subjects", "interaction_versions", "known_members" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }

            // Items recorded before this version, on their companies' timelines.
            migrationBuilder.Sql("""
                ALTER TABLE interactions NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE interaction_subjects NO FORCE ROW LEVEL SECURITY;
                INSERT INTO interaction_subjects (tenant_id, subject_id, interaction_id, company_id, is_company, occurred_at, kind, channel, direction, two_way, author_id, contact)
                SELECT tenant_id, company_id, id, company_id, true, occurred_at, kind, channel, direction, two_way, author_id, channel <> 'None'
                FROM interactions;
                ALTER TABLE interaction_subjects FORCE ROW LEVEL SECURITY;
                ALTER TABLE interactions FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_policies");

            migrationBuilder.DropTable(
                name: "contact_stats");

            migrationBuilder.DropTable(
                name: "interaction_subjects");

            migrationBuilder.DropTable(
                name: "interaction_versions");

            migrationBuilder.DropTable(
                name: "known_members");

            migrationBuilder.DropIndex(
                name: "ix_interactions_search",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_tenant_id_company_id_occurred_at_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_tenant_id_source_system_source_event_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "search",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "author_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "automated",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "details_json",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "direction",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "owner_ids",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "person_ids",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "pinned",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "source_event_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "source_system",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "team",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "two_way",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "visibility",
                table: "interactions");

            migrationBuilder.AddColumn<string>(
                name: "author",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_id_company_id_id",
                table: "interactions",
                columns: new[] { "tenant_id", "company_id", "id" });
        }
    }
}
