using System;
using System.Collections.Generic;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Profiles.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleProjectsImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // array_to_string is only STABLE, so the generated column needs this IMMUTABLE wrapper.
            migrationBuilder.Sql("""
                CREATE FUNCTION person_search_document(given_name text, family_name text, emails text[]) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT lower(given_name || ' ' || coalesce(family_name, '') || ' ' || array_to_string(emails, ' ')) $$;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "company_changes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "project_id",
                table: "company_changes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "addresses",
                table: "companies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "annual_revenue",
                table: "companies",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "custom_fields",
                table: "companies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "companies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "financial_status",
                table: "companies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owners",
                table: "companies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_company_id",
                table: "companies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "registration_number",
                table: "companies",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revenue_currency",
                table: "companies",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "strategy",
                table: "companies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "company_imports",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_imports", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "custom_field_definitions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_field_definitions", x => new { x.tenant_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    roles = table.Column<string>(type: "jsonb", nullable: false),
                    current_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    reports_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    emails = table.Column<List<string>>(type: "text[]", nullable: false),
                    phones = table.Column<List<string>>(type: "text[]", nullable: false),
                    birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    preferred_channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    social_profiles = table.Column<string>(type: "jsonb", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    search_text = table.Column<string>(type: "text", nullable: false, computedColumnSql: "person_search_document(given_name, family_name, emails)", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_people_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "companies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_people_people_tenant_id_reports_to_id",
                        columns: x => new { x.tenant_id, x.reports_to_id },
                        principalTable: "people",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    products = table.Column<List<string>>(type: "text[]", nullable: false),
                    value = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    value_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    close_date = table.Column<DateOnly>(type: "date", nullable: true),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_projects_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "companies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_rows",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    problems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_rows", x => new { x.tenant_id, x.import_id, x.row });
                    table.ForeignKey(
                        name: "fk_import_rows_company_imports_tenant_id_import_id",
                        columns: x => new { x.tenant_id, x.import_id },
                        principalTable: "company_imports",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.EnableTenantRowLevelSecurity("people");
            migrationBuilder.EnableTenantRowLevelSecurity("projects");
            migrationBuilder.EnableTenantRowLevelSecurity("custom_field_definitions");
            migrationBuilder.EnableTenantRowLevelSecurity("company_imports");
            migrationBuilder.EnableTenantRowLevelSecurity("import_rows");

            migrationBuilder.CreateIndex(
                name: "ix_company_changes_tenant_id_person_id",
                table: "company_changes",
                columns: new[] { "tenant_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_external_id",
                table: "companies",
                columns: new[] { "tenant_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_parent_company_id",
                table: "companies",
                columns: new[] { "tenant_id", "parent_company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_people_emails",
                table: "people",
                column: "emails")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_people_phones",
                table: "people",
                column: "phones")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_people_search_text",
                table: "people",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_people_tenant_id_company_id_id",
                table: "people",
                columns: new[] { "tenant_id", "company_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_people_tenant_id_reports_to_id",
                table: "people",
                columns: new[] { "tenant_id", "reports_to_id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_tenant_id_company_id_id",
                table: "projects",
                columns: new[] { "tenant_id", "company_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_tenant_id_stage_stage_changed_at",
                table: "projects",
                columns: new[] { "tenant_id", "stage", "stage_changed_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_companies_companies_tenant_id_parent_company_id",
                table: "companies",
                columns: new[] { "tenant_id", "parent_company_id" },
                principalTable: "companies",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_companies_companies_tenant_id_parent_company_id",
                table: "companies");

            migrationBuilder.DropTable(
                name: "custom_field_definitions");

            migrationBuilder.DropTable(
                name: "import_rows");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "company_imports");

            migrationBuilder.DropIndex(
                name: "ix_company_changes_tenant_id_person_id",
                table: "company_changes");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_external_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_parent_company_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "company_changes");

            migrationBuilder.DropColumn(
                name: "project_id",
                table: "company_changes");

            migrationBuilder.DropColumn(
                name: "addresses",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "annual_revenue",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "custom_fields",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "financial_status",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "owners",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "parent_company_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "registration_number",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "revenue_currency",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "strategy",
                table: "companies");

            migrationBuilder.Sql("DROP FUNCTION person_search_document(text, text, text[]);");
        }
    }
}
