using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// Gives a command the tenant by prefixing <c>SET LOCAL app.tenant_id</c>. A command that runs
/// outside any transaction (a plain query) gets it every time: PostgreSQL runs a command's
/// statements in one implicit transaction, so the setting lives exactly as long as the command
/// and a pooled connection never carries it into another request. Inside a transaction, the
/// first command carries the setting the transaction began with, for the rest of it. The prefix
/// yields no result set, so readers are unaffected; a save's batch is the exception (EF counts
/// the rows each of its statements touched, in order), so before one the setting goes alone.
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        var setting = result.Transaction switch
        {
            null => eventData.Context is TenantDbContext { TenantId: var tenant } && tenant != Guid.Empty ? RowLevelSecurity.SetTenant(tenant) : null,
            _ when eventData.CommandSource == CommandSource.SaveChanges => null,
            var transaction => PendingTenantSetting.Take(transaction),
        };
        if (setting is not null)
        {
            result.CommandText = $"{setting}\n{result.CommandText}";
        }

        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SendPendingSetting(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SendPendingSettingAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        SendPendingSetting(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SendPendingSettingAsync(command, cancellationToken);
        return result;
    }

    // Only a save's command reaches here with the setting still owed: every other took it when initialized.
    private static void SendPendingSetting(DbCommand command)
    {
        if (command.Transaction is { } transaction)
        {
            PendingTenantSetting.Send(transaction);
        }
    }

    private static Task SendPendingSettingAsync(DbCommand command, CancellationToken cancellationToken) =>
        command.Transaction is { } transaction ? PendingTenantSetting.SendAsync(transaction, cancellationToken) : Task.CompletedTask;
}
