using System;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Profiles.Data.Migrations
{
    /// <inheritdoc />
    public partial class Freshness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reviewed_at",
                table: "companies",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "review_policies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_interval_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_last_reviewed_at_id",
                table: "companies",
                columns: new[] { "tenant_id", "last_reviewed_at", "id" });

            // Existing profiles count as reviewed when created. The owner sees rows only while
            // row-level security is not forced, and only inside this migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE companies NO FORCE ROW LEVEL SECURITY;
                UPDATE companies SET last_reviewed_at = created_at;
                ALTER TABLE companies FORCE ROW LEVEL SECURITY;
                """);
            migrationBuilder.EnableTenantRowLevelSecurity("review_policies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_policies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_last_reviewed_at_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "last_reviewed_at",
                table: "companies");
        }
    }
}
