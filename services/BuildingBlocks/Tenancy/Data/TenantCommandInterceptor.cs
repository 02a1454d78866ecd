using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// Prefixes every command with <c>SET LOCAL app.tenant_id</c>. PostgreSQL runs a command's
/// statements in one transaction (the explicit one, or the implicit one of the batch), so the
/// setting lives exactly as long as that transaction and a pooled connection can never carry
/// it into another tenant's request. The prefix yields no result set, so readers are unaffected.
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is TenantDbContext { TenantId: var tenant } && tenant != Guid.Empty)
        {
            // A Guid formats to hex digits and dashes only, so inlining it cannot inject SQL.
            result.CommandText = $"SET LOCAL {RowLevelSecurity.TenantSetting} = '{tenant:D}';\n{result.CommandText}";
        }

        return result;
    }
}
