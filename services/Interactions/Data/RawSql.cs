using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmPlatform.Interactions.Data;

/// <summary>
/// Hand-written queries inside the context's transaction, which carries the tenant for row-level
/// security: for what LINQ says badly (index-driven first/last per channel, lateral reads).
/// </summary>
/// <summary>One statement of <see cref="RawSql.ReadBatchAsync"/> and what to do with each of its rows.</summary>
internal sealed record BatchQuery(string Sql, Action<NpgsqlDataReader> Read, params NpgsqlParameter[] Parameters);

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

    /// <summary>
    /// Runs <paramref name="queries"/> in one round trip (a batch), handing each its own rows in
    /// order: what a hot read needs from several tables, without a trip per table.
    /// </summary>
    public static async Task ReadBatchAsync(this InteractionsDbContext db, CancellationToken cancellationToken, params BatchQuery[] queries)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Raw reads run inside the transaction that set the tenant.");
        await using var batch = new NpgsqlBatch((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        foreach (var query in queries)
        {
            var command = new NpgsqlBatchCommand(query.Sql);
            command.Parameters.AddRange(query.Parameters);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var query in queries)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                query.Read(reader);
            }

            await reader.NextResultAsync(cancellationToken);
        }
    }

    public static NpgsqlParameter P<T>(string name, T value) => new NpgsqlParameter<T>(name, value);
}
