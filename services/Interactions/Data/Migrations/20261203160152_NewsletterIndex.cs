using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Interactions.Data.Migrations
{
    /// <summary>The latest newsletters of a person or company, and their opens and clicks, found without walking every contact.</summary>
    public partial class NewsletterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_interaction_subjects_newsletters",
                table: "interaction_subjects",
                columns: new[] { "tenant_id", "subject_id", "occurred_at" },
                filter: "kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interaction_subjects_newsletters",
                table: "interaction_subjects");
        }
    }
}
