using System;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Billing.Data.Migrations
{
    /// <summary>Invoices in full, payments and their allocations, credit notes, collection effort, standings, grade history, policies and the overdue alarms.</summary>
    public partial class Receivables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "credit_override_at",
                table: "invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "credit_override_by",
                table: "invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_override_check_json",
                table: "invoices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_override_reason",
                table: "invoices",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "credited_amount",
                table: "invoices",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "discount_basis_points",
                table: "invoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "discount_days",
                table: "invoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "disputed",
                table: "invoices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "invoices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "issued_at",
                table: "invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lines",
                table: "invoices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "net_days",
                table: "invoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "overdue_announced",
                table: "invoices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "paid_amount",
                table: "invoices",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<Guid>(
                name: "project_id",
                table: "invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "settled_on",
                table: "invoices",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "void_reason",
                table: "invoices",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "voided_at",
                table: "invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "written_off_amount",
                table: "invoices",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "written_off_on",
                table: "invoices",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "billing_policies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dunning_json = table.Column<string>(type: "jsonb", nullable: true),
                    credit_json = table.Column<string>(type: "jsonb", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "collection_efforts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    promised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    promised_currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    promised_amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    promise_outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_efforts", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_collection_efforts_invoices_tenant_id_invoice_id",
                        columns: x => new { x.tenant_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collection_efforts_known_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "known_companies",
                        principalColumns: new[] { "tenant_id", "company_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "company_standings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    on_credit_hold = table.Column<bool>(type: "boolean", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    credit_limit_currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    credit_limit = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    credit_limit_set_by = table.Column<Guid>(type: "uuid", nullable: true),
                    credit_limit_set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_standings", x => new { x.tenant_id, x.company_id });
                    table.ForeignKey(
                        name: "fk_company_standings_known_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "known_companies",
                        principalColumns: new[] { "tenant_id", "company_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_credit_notes_invoices_tenant_id_invoice_id",
                        columns: x => new { x.tenant_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_notes_known_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "known_companies",
                        principalColumns: new[] { "tenant_id", "company_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "grade_changes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    previous_grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    previous_score = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grade_changes", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "overdue_alarms",
                columns: table => new
                {
                    tenant = table.Column<Guid>(type: "uuid", nullable: false),
                    wake_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_alarms", x => x.tenant);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    unallocated_amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reverse_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_payments_known_companies_tenant_id_company_id",
                        columns: x => new { x.tenant_id, x.company_id },
                        principalTable: "known_companies",
                        principalColumns: new[] { "tenant_id", "company_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_allocations",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_allocations", x => new { x.tenant_id, x.payment_id, x.invoice_id });
                    table.ForeignKey(
                        name: "fk_payment_allocations_invoices_tenant_id_invoice_id",
                        columns: x => new { x.tenant_id, x.invoice_id },
                        principalTable: "invoices",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_allocations_payments_tenant_id_payment_id",
                        columns: x => new { x.tenant_id, x.payment_id },
                        principalTable: "payments",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_receivable_by_due_date",
                table: "invoices",
                columns: new[] { "tenant_id", "due_date" },
                filter: "status IN ('Open', 'PartiallyPaid', 'Overdue', 'Disputed')");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_tenant_id_external_id",
                table: "invoices",
                columns: new[] { "tenant_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_collection_efforts_tenant_id_company_id_id",
                table: "collection_efforts",
                columns: new[] { "tenant_id", "company_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_efforts_tenant_id_invoice_id",
                table: "collection_efforts",
                columns: new[] { "tenant_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_efforts_tenant_id_promised_on",
                table: "collection_efforts",
                columns: new[] { "tenant_id", "promised_on" },
                filter: "promise_outcome = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_tenant_id_company_id_id",
                table: "credit_notes",
                columns: new[] { "tenant_id", "company_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_tenant_id_external_id",
                table: "credit_notes",
                columns: new[] { "tenant_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_tenant_id_invoice_id",
                table: "credit_notes",
                columns: new[] { "tenant_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_grade_changes_tenant_id_company_id_changed_at",
                table: "grade_changes",
                columns: new[] { "tenant_id", "company_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_allocations_tenant_id_invoice_id",
                table: "payment_allocations",
                columns: new[] { "tenant_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_company_id_id",
                table: "payments",
                columns: new[] { "tenant_id", "company_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_external_id",
                table: "payments",
                columns: new[] { "tenant_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            foreach (var table in new[] { "billing_policies", "collection_efforts", "company_standings", "credit_notes", "grade_changes", "payments", "payment_allocations" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }

            // Invoices issued before this version: their terms from their dates, issued when created.
            // Row-level security hides every row from a migration: lifted for the backfill alone.
            migrationBuilder.Sql("""
                ALTER TABLE invoices NO FORCE ROW LEVEL SECURITY;
                UPDATE invoices SET net_days = due_date - issue_date, issued_at = created_at;
                ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_policies");

            migrationBuilder.DropTable(
                name: "collection_efforts");

            migrationBuilder.DropTable(
                name: "company_standings");

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "grade_changes");

            migrationBuilder.DropTable(
                name: "overdue_alarms");

            migrationBuilder.DropTable(
                name: "payment_allocations");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropIndex(
                name: "ix_invoices_receivable_by_due_date",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_invoices_tenant_id_external_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "credit_override_at",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "credit_override_by",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "credit_override_check_json",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "credit_override_reason",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "credited_amount",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "discount_basis_points",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "discount_days",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "disputed",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "issued_at",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "lines",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "net_days",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "overdue_announced",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "paid_amount",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "project_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "settled_on",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "void_reason",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "voided_at",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "written_off_amount",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "written_off_on",
                table: "invoices");
        }
    }
}
