using System;
using System.Collections.Generic;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Profiles.Data.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A name as a duplicate key: lower case, legal forms and everything but letters and
            // digits dropped, so "Nordic Timber AB" and "NORDIC-TIMBER" are one key.
            migrationBuilder.Sql("""
                CREATE FUNCTION company_name_key(name text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT regexp_replace(
                        regexp_replace(lower(name),
                            '\m(ab|aps|as|asa|oy|oyj|gmbh|ag|kg|bv|nv|sa|sas|sarl|srl|spa|ltd|limited|inc|incorporated|llc|llp|plc|co|corp|corporation|company|group|holding|holdings)\M', '', 'g'),
                        '[^[:alnum:]]+', '', 'g') $$;
                CREATE FUNCTION company_names_alike(name_key text, other text) RETURNS boolean
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT name_key % other $$;
                CREATE FUNCTION phone_digits(phone text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT nullif(regexp_replace(phone, '[^0-9]+', '', 'g'), '') $$;
                CREATE FUNCTION phone_digits(phones text[]) RETURNS text[]
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT coalesce(array_agg(phone_digits(p)) FILTER (WHERE phone_digits(p) IS NOT NULL), '{}') FROM unnest(phones) p $$;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "companies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "phone_digits",
                table: "people",
                type: "text[]",
                nullable: false,
                computedColumnSql: "phone_digits(phones)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "companies",
                type: "text",
                nullable: false,
                computedColumnSql: "company_name_key(name)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_digits",
                table: "companies",
                type: "text",
                nullable: true,
                computedColumnSql: "phone_digits(phone)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "company_merges",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survivor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filled_fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    survivor_before = table.Column<string>(type: "jsonb", nullable: false),
                    survivor_after = table.Column<string>(type: "jsonb", nullable: false),
                    moved_person_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_change_count = table.Column<int>(type: "integer", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    merged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    undone_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_merges", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_company_merges_companies_tenant_id_merged_id",
                        columns: x => new { x.tenant_id, x.merged_id },
                        principalTable: "companies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_company_merges_companies_tenant_id_survivor_id",
                        columns: x => new { x.tenant_id, x.survivor_id },
                        principalTable: "companies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.EnableTenantRowLevelSecurity("company_merges");

            migrationBuilder.CreateIndex(
                name: "ix_people_phone_digits",
                table: "people",
                column: "phone_digits")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_companies_name_key",
                table: "companies",
                column: "name_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_email",
                table: "companies",
                columns: new[] { "tenant_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_merged_into_id",
                table: "companies",
                columns: new[] { "tenant_id", "merged_into_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_name_key",
                table: "companies",
                columns: new[] { "tenant_id", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_phone_digits",
                table: "companies",
                columns: new[] { "tenant_id", "phone_digits" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_registration_number",
                table: "companies",
                columns: new[] { "tenant_id", "registration_number" });

            migrationBuilder.CreateIndex(
                name: "ix_company_merges_tenant_id_merged_id",
                table: "company_merges",
                columns: new[] { "tenant_id", "merged_id" });

            migrationBuilder.CreateIndex(
                name: "ix_company_merges_tenant_id_survivor_id",
                table: "company_merges",
                columns: new[] { "tenant_id", "survivor_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_companies_companies_tenant_id_merged_into_id",
                table: "companies",
                columns: new[] { "tenant_id", "merged_into_id" },
                principalTable: "companies",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_companies_companies_tenant_id_merged_into_id",
                table: "companies");

            migrationBuilder.DropTable(
                name: "company_merges");

            migrationBuilder.DropIndex(
                name: "ix_people_phone_digits",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_companies_name_key",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_email",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_merged_into_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_name_key",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_phone_digits",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_registration_number",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "phone_digits",
                table: "people");

            migrationBuilder.DropColumn(
                name: "name_key",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "phone_digits",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "companies");

            migrationBuilder.Sql("""
                DROP FUNCTION phone_digits(text[]);
                DROP FUNCTION phone_digits(text);
                DROP FUNCTION company_names_alike(text, text);
                DROP FUNCTION company_name_key(text);
                """);
        }
    }
}
