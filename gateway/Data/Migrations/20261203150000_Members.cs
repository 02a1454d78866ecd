using System;
using System.Collections.Generic;
using CrmPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmPlatform.Gateway.Data.Migrations
{
    /// <summary>Tenants' members, keys bound to a member, and the outbox their changes leave through.</summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261203150000_Members")]
    public partial class Members : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email_key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    teams = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(name: "ix_members_tenant_id_id", table: "members", columns: new[] { "tenant_id", "id" });
            migrationBuilder.CreateIndex(
                name: "ix_members_tenant_id_email_key",
                table: "members",
                columns: new[] { "tenant_id", "email_key" },
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.AddColumn<Guid>(name: "member_id", table: "api_keys", type: "uuid", nullable: true);
            migrationBuilder.CreateIndex(name: "ix_api_keys_member_id", table: "api_keys", column: "member_id");
            migrationBuilder.AddForeignKey(
                name: "fk_api_keys_members_member_id",
                table: "api_keys",
                column: "member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateIndex(name: "ix_outbox_messages_message_id", table: "outbox_messages", column: "message_id", unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "outbox_messages");
            migrationBuilder.DropForeignKey(name: "fk_api_keys_members_member_id", table: "api_keys");
            migrationBuilder.DropIndex(name: "ix_api_keys_member_id", table: "api_keys");
            migrationBuilder.DropColumn(name: "member_id", table: "api_keys");
            migrationBuilder.DropTable(name: "members");
        }
    }
}
