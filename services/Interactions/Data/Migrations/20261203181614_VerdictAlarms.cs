using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Interactions.Data.Migrations
{
    /// <summary>
    /// Each tenant's next verdict alarm, and the watcher's indexes on the moments time changes a
    /// verdict. The alarms table has no row-level security, like the outbox: the watcher reads it
    /// before it can act as any tenant, and it holds only tenant ids and times. The application
    /// role gets plain DML on it as on every table (DatabaseMigrator).
    /// </summary>
    public partial class VerdictAlarms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "verdict_alarms",
                columns: table => new
                {
                    tenant = table.Column<Guid>(type: "uuid", nullable: false),
                    wake_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verdict_alarms", x => x.tenant);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contact_stats_tenant_id_due_at",
                table: "contact_stats",
                columns: new[] { "tenant_id", "due_at" },
                filter: "verdict IS NULL OR verdict = 'OnTarget'");

            migrationBuilder.CreateIndex(
                name: "ix_contact_stats_tenant_id_over_contacted_until",
                table: "contact_stats",
                columns: new[] { "tenant_id", "over_contacted_until" },
                filter: "verdict = 'OverContacted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "verdict_alarms");

            migrationBuilder.DropIndex(
                name: "ix_contact_stats_tenant_id_due_at",
                table: "contact_stats");

            migrationBuilder.DropIndex(
                name: "ix_contact_stats_tenant_id_over_contacted_until",
                table: "contact_stats");
        }
    }
}
