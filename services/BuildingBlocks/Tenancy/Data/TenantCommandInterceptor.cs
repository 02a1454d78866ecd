using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// Gives a command that runs outside any transaction (a plain query) the tenant, by prefixing
/// <c>SET LOCAL app.tenant_id</c>. PostgreSQL runs a command's statements in one implicit
/// transaction, so the setting lives exactly as long as the command and a pooled connection never
/// carries it into another request. The prefix yields no result set, so readers are unaffected.
/// Commands inside a transaction got the setting when it began.
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result.Transaction is null && eventData.Context is TenantDbContext { TenantId: var tenant } && tenant != Guid.Empty)
        {
            result.CommandText = $"{RowLevelSecurity.SetTenant(tenant)}\n{result.CommandText}";
        }

        return result;
    }
}
