using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Segmentation.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeletedCompanies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "deleted",
                table: "client_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deleted",
                table: "client_facts");
        }
    }
}
