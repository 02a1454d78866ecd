using CrmPlatform.Billing.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Billing.Import;

/// <summary>
/// Imported invoices by binary COPY, as the Profiles import writes companies. Row-level security
/// refuses COPY into a tenant table, so rows go into a temporary table and move with one INSERT
/// ... SELECT that the policies check row by row; a row whose number or external id another
/// invoice holds is left out, and the ids that landed are returned. Runs in the caller's transaction.
/// </summary>
internal static class InvoiceCopy
{
    private sealed record Column(string Name, NpgsqlDbType Type, Func<Invoice, object?> Value);

    // Only invoices without lines come this way: the lines' JSON is EF's to write.
    private static readonly Column[] Columns =
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
        var columns = string.Join(", ", Columns.Select(c => c.Name));
        var createStaging = $"CREATE TEMPORARY TABLE IF NOT EXISTS staging_invoices ON COMMIT DELETE ROWS AS SELECT {columns} FROM invoices WITH NO DATA";
        var moveRows = $"INSERT INTO invoices ({columns}) SELECT {columns} FROM staging_invoices ON CONFLICT DO NOTHING RETURNING id AS \"Value\"";
        await db.Database.ExecuteSqlRawAsync(createStaging, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY staging_invoices ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var invoice in invoices)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in Columns)
                {
                    if (column.Value(invoice) is { } value)
                    {
                        await writer.WriteAsync(value, column.Type, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var inserted = await db.Database.SqlQueryRaw<Guid>(moveRows).ToListAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("TRUNCATE staging_invoices", cancellationToken);
        return [.. inserted];
    }
}
