using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Tenancy.Data;

/// <summary>One column of a binary COPY: its name, its PostgreSQL type and where its value comes from.</summary>
public sealed record BulkColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>
/// Bulk writes by binary COPY under row-level security. PostgreSQL refuses COPY into a table with
/// policies, so rows are copied into a temporary staging table and moved with INSERT ... SELECT,
/// which the policies check row by row like any insert. Runs inside the caller's transaction (the
/// one that set the tenant); table and column names are the caller's constants, never input.
/// </summary>
public static class BulkCopy
{
    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/>, then <paramref name="onConflict"/> (e.g. an upsert clause).</summary>
    public static async Task InsertAsync<T>(
        DbContext db, string table, IReadOnlyList<BulkColumn<T>> columns, IReadOnlyCollection<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var staging = await StageAsync(db, table, columns, rows, cancellationToken);
        var columnList = ColumnList(columns);
        var move = $"INSERT INTO {table} ({columnList}) SELECT {columnList} FROM {staging} {onConflict}";
        await db.Database.ExecuteSqlRawAsync(move, cancellationToken);
    }

    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="table"/>'s staging table (emptied first,
    /// and at commit) and returns its name, for a caller that moves them with its own statement.
    /// </summary>
    public static async Task<string> StageAsync<T>(
        DbContext db, string table, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk writes must run inside the transaction that set the tenant.");
        }

        var staging = $"staging_{table}";
        var create = $"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS SELECT {ColumnList(columns)} FROM {table} WITH NO DATA; TRUNCATE {staging}";
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {staging} ({ColumnList(columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
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
        return staging;
    }

    public static string ColumnList<T>(IEnumerable<BulkColumn<T>> columns) => string.Join(", ", columns.Select(c => c.Name));
}
