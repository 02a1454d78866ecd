using System.Diagnostics;
using Npgsql;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>What the fill wrote, per company and in all.</summary>
public sealed record FillSummary(
    TimeSpan Elapsed, int Payments, IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyDictionary<Guid, int> InvoicesOf, IReadOnlyDictionary<Guid, decimal> LastYearSalesOf);

/// <summary>
/// A tenant's two years of receivables written straight into Billing's tables: its known
/// companies, the ledger a chunk at a time, the overdue alarm the service would have set for the
/// invoices not yet due, and fresh planner statistics, as autovacuum soon would.
/// </summary>
public static class LedgerFill
{
    private const int Chunk = 100_000;

    public static async Task<FillSummary> Run(string superuser, Guid tenantId, SyntheticLedger ledger, int invoices, int seed)
    {
        var clock = Stopwatch.StartNew();
        await KnownCompanyRows.Copy(superuser, tenantId, ledger.Companies.Select(c => (c.Id, c.Name)));
        var (payments, statuses, invoicesOf, salesOf) = (0, new Dictionary<string, int>(), new Dictionary<Guid, int>(), new Dictionary<Guid, decimal>());
        var yearAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-365);
        for (var start = 0; start < invoices; start += Chunk)
        {
            var chunk = ledger.Generate(start, Math.Min(Chunk, invoices - start), seed + start);
            await LedgerCopy.Write(superuser, tenantId, chunk);
            payments += chunk.Payments.Count;
            foreach (var invoice in chunk.Invoices)
            {
                statuses[invoice.Status] = statuses.GetValueOrDefault(invoice.Status) + 1;
                invoicesOf[invoice.CompanyId] = invoicesOf.GetValueOrDefault(invoice.CompanyId) + 1;
                if (invoice.IssueDate > yearAgo)
                {
                    salesOf[invoice.CompanyId] = salesOf.GetValueOrDefault(invoice.CompanyId) + invoice.Amount;
                }
            }
        }

        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        // As Billing arms it when it issues an invoice: the day after the earliest due date not yet passed.
        await using (var alarm = new NpgsqlCommand(
            """
            INSERT INTO overdue_alarms (tenant, wake_on)
            SELECT tenant_id, min(due_date) + 1 FROM invoices
            WHERE tenant_id = $1 AND status IN ('Open', 'PartiallyPaid', 'Overdue', 'Disputed') AND NOT overdue_announced
            GROUP BY tenant_id
            ON CONFLICT (tenant) DO UPDATE SET wake_on = LEAST(overdue_alarms.wake_on, EXCLUDED.wake_on)
            """,
            connection))
        {
            alarm.Parameters.AddWithValue(tenantId);
            await alarm.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "known_companies", "invoices", "payments", "payment_allocations" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }

        return new FillSummary(clock.Elapsed, payments, statuses, invoicesOf, salesOf);
    }
}
