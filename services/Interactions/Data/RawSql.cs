using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmPlatform.Interactions.Data;

/// <summary>
/// Hand-written queries inside the context's transaction, which carries the tenant for row-level
/// security: for what LINQ says badly (index-driven first/last per channel, lateral reads).
/// </summary>
internal static class RawSql
{
    public static async Task<List<T>> ReadAsync<T>(
        this InteractionsDbContext db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Raw reads run inside the transaction that set the tenant.");
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static NpgsqlParameter P<T>(string name, T value) => new NpgsqlParameter<T>(name, value);
}
