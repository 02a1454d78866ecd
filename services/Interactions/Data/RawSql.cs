using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmPlatform.Interactions.Data;

/// <summary>One statement of <see cref="RawSql.ReadBatchAsync"/> and what to do with each of its rows.</summary>
internal sealed record BatchQuery(string Sql, Action<NpgsqlDataReader> Read, params NpgsqlParameter[] Parameters);

/// <summary>
/// Hand-written queries inside the context's transaction, which carries the tenant for row-level
/// security: for what LINQ says badly (index-driven first/last per channel, lateral reads).
/// </summary>
internal static class RawSql
{
    public static async Task<List<T>> ReadAsync<T>(
        this InteractionsDbContext db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var rows = new List<T>();
        await db.ReadBatchAsync(cancellationToken, new BatchQuery(sql, reader => rows.Add(read(reader)), parameters));
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
        // The first statement of the transaction carries its tenant; it returns no rows, so the
        // reader's result sets are still the queries' own.
        if (PendingTenantSetting.Take(transaction) is { } setting)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting));
        }

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
