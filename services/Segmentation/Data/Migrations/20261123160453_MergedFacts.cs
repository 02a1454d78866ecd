using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Segmentation.Data.Migrations
{
    /// <inheritdoc />
    public partial class MergedFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "client_facts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_merged_into_id",
                table: "client_facts",
                columns: new[] { "tenant_id", "merged_into_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_client_facts_tenant_id_merged_into_id",
                table: "client_facts");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "client_facts");
        }
    }
}
