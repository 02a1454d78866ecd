using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Interactions.Data.Migrations
{
    /// <summary>A newsletter's campaign on its item and its subject rows, so sends, opens and clicks are matched from the index alone.</summary>
    public partial class NewsletterCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "campaign_id",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "campaign_id",
                table: "interaction_subjects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Row-level security hides every row from the migration while it is forced.
            migrationBuilder.Sql("""
                ALTER TABLE interactions NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE interaction_subjects NO FORCE ROW LEVEL SECURITY;
                UPDATE interactions SET campaign_id = details_json -> 'newsletter' ->> 'campaignId' WHERE details_json ? 'newsletter';
                UPDATE interaction_subjects s SET campaign_id = i.campaign_id
                FROM interactions i WHERE i.tenant_id = s.tenant_id AND i.id = s.interaction_id AND i.campaign_id IS NOT NULL;
                ALTER TABLE interaction_subjects FORCE ROW LEVEL SECURITY;
                ALTER TABLE interactions FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "campaign_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "campaign_id",
                table: "interaction_subjects");
        }
    }
}
