using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.KnownCompanies;

/// <summary>
/// Follows company merges in a service that keeps rows by company (a <see cref="Table"/> with
/// tenant_id, id and company_id): a merge moves the merged company's rows to the survivor and
/// remembers which; an undo moves exactly those back. Runs in the inbox's transaction, once per event.
/// </summary>
public abstract class RepointOnCompanyMerge(TenantDbContext db) : IConsumer<CompanyMerged>, IConsumer<CompanyMergeUndone>
{
    /// <summary>The table to re-point; a name from code, never from input.</summary>
    protected abstract string Table { get; }

    public async Task Consume(ConsumeContext<CompanyMerged> context)
    {
        var merged = context.Message;
        var sql = $$"""
            WITH moved AS (
                UPDATE {{Table}} SET company_id = {0} WHERE tenant_id = {2} AND company_id = {1} RETURNING id)
            INSERT INTO company_repoints (tenant_id, merge_id, table_name, survivor_id, merged_id, row_ids, repointed_at)
            SELECT {2}, {3}, {4}, {0}, {1}, coalesce(array_agg(id), ARRAY[]::uuid[]), now() FROM moved
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [merged.SurvivorId, merged.MergedId, merged.TenantId, merged.MergeId, Table], context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CompanyMergeUndone> context)
    {
        var undone = context.Message;
        var sql = $$"""
            WITH repoint AS (
                DELETE FROM company_repoints WHERE tenant_id = {0} AND merge_id = {1} AND table_name = {2}
                RETURNING survivor_id, merged_id, row_ids)
            UPDATE {{Table}} t SET company_id = repoint.merged_id FROM repoint
            WHERE t.tenant_id = {0} AND t.id = ANY(repoint.row_ids) AND t.company_id = repoint.survivor_id
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [undone.TenantId, undone.MergeId, Table], context.CancellationToken);
    }
}
