using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Benchmarks;

/// <summary>A column a binary COPY writes: its name, its type and how a row gives its value (null writes NULL).</summary>
public sealed record CopyColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>
/// Rows written straight into a service's table by binary COPY: the raw baselines and the fills the
/// benchmarks measure against. Run as the superuser, since row-level security refuses COPY into a
/// tenant table even to its owner; the rows carry their tenant_id as the service would stamp it.
/// </summary>
public static class BinaryCopy
{
    /// <param name="table">A table name of the caller's, never input.</param>
    public static async Task Write<T>(NpgsqlConnection connection, string table, IReadOnlyList<CopyColumn<T>> columns, IEnumerable<T> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await writer.WriteAsync(value, column.Type);
                }
                else
                {
                    await writer.WriteNullAsync();
                }
            }
        }

        await writer.CompleteAsync();
    }
}
