using CrmPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Gateway.Data.Migrations
{
    /// <summary>Per-tenant overrides of the plan's rate limits; existing tenants keep their plan's defaults.</summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261123213000_TenantLimits")]
    public partial class TenantLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(name: "requests_per_second", table: "tenants", type: "integer", nullable: true);
            migrationBuilder.AddColumn<int>(name: "burst", table: "tenants", type: "integer", nullable: true);
            migrationBuilder.AddColumn<int>(name: "concurrent_bulk_operations", table: "tenants", type: "integer", nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "requests_per_second", table: "tenants");
            migrationBuilder.DropColumn(name: "burst", table: "tenants");
            migrationBuilder.DropColumn(name: "concurrent_bulk_operations", table: "tenants");
        }
    }
}
