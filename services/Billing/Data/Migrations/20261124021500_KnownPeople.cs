using System;
using System.Collections.Generic;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Billing.Data.Migrations
{
    /// <summary>Known people, and the time of the announcement a known company's name came from.</summary>
    [DbContext(typeof(BillingDbContext))]
    [Migration("20261124021500_KnownPeople")]
    public partial class KnownPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Row-level security hides every row from a migration, so rows known before this one
            // cannot be dated from their known_since: the earliest time lets the next name in.
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "known_companies",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: DateTimeOffset.MinValue);

            migrationBuilder.CreateTable(
                name: "known_people",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: true),
                    emails = table.Column<List<string>>(type: "text[]", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    snapshot_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_people", x => new { x.tenant_id, x.person_id });
                });

            migrationBuilder.EnableTenantRowLevelSecurity("known_people");

            migrationBuilder.CreateIndex(
                name: "ix_known_people_tenant_id_company_id",
                table: "known_people",
                columns: new[] { "tenant_id", "company_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_people");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "known_companies");
        }
    }
}
