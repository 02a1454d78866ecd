using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Profiles.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "companies",
                type: "text",
                nullable: false,
                computedColumnSql: "lower(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(domain, '') || ' ' || coalesce(website, '') || ' ' || coalesce(email, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_companies_search_text",
                table: "companies",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // One SQL expression, so the planner inlines it and the trigram index serves the match.
            migrationBuilder.Sql("""
                CREATE FUNCTION company_search_match(document text, query text) RETURNS boolean
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT query <% document $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION company_search_match(text, text);");

            migrationBuilder.DropIndex(
                name: "ix_companies_search_text",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "companies");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
