using System;
using System.Collections.Generic;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyRepoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "company_repoints",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    table_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    survivor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    repointed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_repoints", x => new { x.tenant_id, x.merge_id, x.table_name });
                });

            migrationBuilder.EnableTenantRowLevelSecurity("company_repoints");

            migrationBuilder.CreateIndex(
                name: "ix_company_repoints_tenant_id_merged_id",
                table: "company_repoints",
                columns: new[] { "tenant_id", "merged_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_repoints");
        }
    }
}
