using Npgsql;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>
/// Whether the import left the rows the COPY baseline wrote: every invoice (by its external id)
/// with the same amount, due date, status, paid amount and settled day, and as many payments. It
/// holds the generator's idea of Billing's state to the service's own.
/// </summary>
public static class ImportCheck
{
    public sealed record Outcome(long Invoices, long Equal, long ImportedPayments, long CopiedPayments);

    public static async Task<Outcome> Compare(string superuser, Guid imported, Guid copied)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*),
              count(*) FILTER (WHERE (o.amount, o.due_date, o.status, o.paid_amount, o.settled_on)
                IS NOT DISTINCT FROM (c.amount, c.due_date, c.status, c.paid_amount, c.settled_on)),
              (SELECT count(*) FROM payments WHERE tenant_id = $1),
              (SELECT count(*) FROM payments WHERE tenant_id = $2)
            FROM invoices c LEFT JOIN invoices o ON o.tenant_id = $1 AND o.external_id = c.external_id
            WHERE c.tenant_id = $2
            """,
            connection);
        command.Parameters.AddWithValue(imported);
        command.Parameters.AddWithValue(copied);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Outcome(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
