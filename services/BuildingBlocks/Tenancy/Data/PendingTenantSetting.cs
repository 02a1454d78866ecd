using System.Data.Common;
using System.Runtime.CompilerServices;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// The tenant setting a transaction owes PostgreSQL until its first command carries it. Sent on its
/// own when the transaction began, it was a round trip of its own in every transaction: every
/// consumed message, every write.
/// </summary>
public static class PendingTenantSetting
{
    private static readonly ConditionalWeakTable<DbTransaction, string> Pending = new();

    internal static void Defer(DbTransaction transaction, Guid tenant) => Pending.AddOrUpdate(transaction, RowLevelSecurity.SetTenant(tenant));

    /// <summary>
    /// The setting <paramref name="transaction"/> still owes, handed out once; null when it was
    /// sent already or the transaction has no tenant. Whoever takes it must send it before
    /// anything else in the transaction.
    /// </summary>
    public static string? Take(DbTransaction transaction) =>
        Pending.TryGetValue(transaction, out var setting) && Pending.Remove(transaction) ? setting : null;

    /// <summary>Sends the setting <paramref name="transaction"/> still owes on its own, if it owes one.</summary>
    public static void Send(DbTransaction transaction)
    {
        if (Take(transaction) is { } setting)
        {
            using var command = Command(transaction, setting);
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc cref="Send"/>
    public static async Task SendAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (Take(transaction) is { } setting)
        {
            await using var command = Command(transaction, setting);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbTransaction transaction, string setting)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = setting;
        return command;
    }
}
