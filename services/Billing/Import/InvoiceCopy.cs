using CrmPlatform.Billing.Data;
using Microsoft.EntityFrameworkCore;
using CrmPlatform.Tenancy.Data;
using NpgsqlTypes;

namespace CrmPlatform.Billing.Import;

/// <summary>
/// Imported invoices by binary COPY through <see cref="BulkCopy"/>'s staging table, as the Profiles
/// import writes companies: a row whose number or external id another invoice holds is left out,
/// and the ids that landed are returned. Runs in the caller's transaction.
/// </summary>
internal static class InvoiceCopy
{
    // Only invoices without lines come this way: the lines' JSON is EF's to write.
    private static readonly BulkColumn<Invoice>[] Columns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, i => i.TenantId),
        new("id", NpgsqlDbType.Uuid, i => i.Id),
        new("company_id", NpgsqlDbType.Uuid, i => i.CompanyId),
        new("number", NpgsqlDbType.Varchar, i => i.Number),
        new("external_id", NpgsqlDbType.Varchar, i => i.ExternalId),
        new("project_id", NpgsqlDbType.Uuid, i => i.ProjectId),
        new("currency_code", NpgsqlDbType.Char, i => i.CurrencyCode),
        new("amount", NpgsqlDbType.Numeric, i => i.Amount),
        new("lines", NpgsqlDbType.Jsonb, _ => "[]"),
        new("issue_date", NpgsqlDbType.Date, i => i.IssueDate),
        new("due_date", NpgsqlDbType.Date, i => i.DueDate),
        new("net_days", NpgsqlDbType.Integer, i => i.NetDays),
        new("discount_basis_points", NpgsqlDbType.Integer, i => i.DiscountBasisPoints),
        new("discount_days", NpgsqlDbType.Integer, i => i.DiscountDays),
        new("status", NpgsqlDbType.Varchar, i => i.Status.ToString()),
        new("paid_amount", NpgsqlDbType.Numeric, i => i.PaidAmount),
        new("credited_amount", NpgsqlDbType.Numeric, i => i.CreditedAmount),
        new("written_off_amount", NpgsqlDbType.Numeric, i => i.WrittenOffAmount),
        new("disputed", NpgsqlDbType.Boolean, i => i.Disputed),
        new("overdue_announced", NpgsqlDbType.Boolean, i => i.OverdueAnnounced),
        new("created_at", NpgsqlDbType.TimestampTz, i => i.CreatedAt),
        new("issued_at", NpgsqlDbType.TimestampTz, i => i.IssuedAt),
        new("voided_at", NpgsqlDbType.TimestampTz, i => i.VoidedAt),
    ];

    public static async Task<HashSet<Guid>> Insert(BillingDbContext db, IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken)
    {
        if (invoices.Count == 0)
        {
            return [];
        }

        // Names are this class's constants, never input.
        var staging = await BulkCopy.StageAsync(db, "invoices", Columns, invoices, cancellationToken);
        var columns = BulkCopy.ColumnList(Columns);
        var moveRows = $"INSERT INTO invoices ({columns}) SELECT {columns} FROM {staging} ON CONFLICT DO NOTHING RETURNING id AS \"Value\"";
        var inserted = await db.Database.SqlQueryRaw<Guid>(moveRows).ToListAsync(cancellationToken);
        return [.. inserted];
    }
}
