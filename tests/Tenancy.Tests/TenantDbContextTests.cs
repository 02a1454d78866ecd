using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmPlatform.Tenancy.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class TenantDbContextTests(DatabaseFixture database)
{
    private readonly Guid tenantA = Guid.CreateVersion7();
    private readonly Guid tenantB = Guid.CreateVersion7();

    [Fact]
    public async Task Save_StampsTheBoundTenant_OnNewRows()
    {
        await using (var a = database.Context(tenantA))
        {
            a.Notes.Add(new Note { Text = "first call" });
            await a.SaveChangesAsync();
        }

        await using var again = database.Context(tenantA);
        Assert.Equal(tenantA, (await again.Notes.SingleAsync()).TenantId);
    }

    [Fact]
    public async Task Save_RefusesANewRowOfAnotherTenant()
    {
        await using var a = database.Context(tenantA);
        a.Notes.Add(new Note { TenantId = tenantB, Text = "smuggled" });

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => a.SaveChangesAsync());
        await using var b = database.Context(tenantB);
        Assert.Empty(await b.Notes.ToListAsync());
    }

    [Fact]
    public async Task Save_RefusesAChangeToARowOfAnotherTenant()
    {
        var note = new Note { Text = "B's note" };
        await using (var b = database.Context(tenantB))
        {
            b.Notes.Add(note);
            await b.SaveChangesAsync();
        }

        await using var a = database.Context(tenantA);
        a.Notes.Attach(note).Entity.Text = "overwritten by A";
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => a.SaveChangesAsync());
    }

    [Fact]
    public async Task ContextWithoutTenant_CannotSave()
    {
        await using var none = database.Context(null);
        none.Notes.Add(new Note { Text = "nobody's" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => none.SaveChangesAsync());
    }

    [Fact]
    public async Task Queries_SeeOnlyTheBoundTenantsRows_EvenWithTheQueryFilterIgnored()
    {
        await using (var b = database.Context(tenantB))
        {
            b.Notes.Add(new Note { Text = "B only" });
            await b.SaveChangesAsync();
        }

        await using var a = database.Context(tenantA);
        Assert.Empty(await a.Notes.ToListAsync());
        // Row-level security stands on its own when the EF filter is switched off.
        Assert.Empty(await a.Notes.IgnoreQueryFilters().ToListAsync());
        await using var b2 = database.Context(tenantB);
        Assert.Single(await b2.Notes.IgnoreQueryFilters().ToListAsync());
    }

    [Fact]
    public async Task TenantSetting_DoesNotOutliveItsTransaction_OnAPooledConnection()
    {
        await using (var b = database.Context(tenantB))
        {
            b.Notes.Add(new Note { Text = "pooled" });
            await b.SaveChangesAsync();
            Assert.NotEmpty(await b.Notes.ToListAsync());
        }

        // The same pool hands out the same physical connection; the tenant must not come with it.
        await using var raw = new NpgsqlConnection(database.Database.AppConnectionString);
        await raw.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(current_setting('app.tenant_id', true), ''), (SELECT count(*) FROM notes)", raw);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("", reader.GetString(0));
        Assert.Equal(0L, reader.GetInt64(1));
    }

    [Fact]
    public async Task RawSqlInATransaction_RunsAsTheBoundTenant()
    {
        await using var a = database.Context(tenantA);
        await using var transaction = await a.Database.BeginTransactionAsync();
        var inserted = await a.Database.ExecuteSqlAsync($"INSERT INTO notes (tenant_id, id, text) VALUES ({tenantA}, {Guid.NewGuid()}, 'raw')");
        var foreign = await Assert.ThrowsAsync<PostgresException>(() =>
            a.Database.ExecuteSqlAsync($"INSERT INTO notes (tenant_id, id, text) VALUES ({tenantB}, {Guid.NewGuid()}, 'raw')"));

        Assert.Equal(1, inserted);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, foreign.SqlState);
    }

    [Fact]
    public async Task AQueryFirstInATransaction_RunsAsTheBoundTenant()
    {
        await using (var b = database.Context(tenantB))
        {
            b.Notes.Add(new Note { Text = "B's note" });
            await b.SaveChangesAsync();
        }

        await using var a = database.Context(tenantA);
        await using var transaction = await a.Database.BeginTransactionAsync();
        var visible = await a.Notes.IgnoreQueryFilters([TenantDbContext.TenantFilter]).CountAsync();
        var tenant = await a.Database.SqlQuery<string>($"SELECT current_setting('app.tenant_id', true) AS \"Value\"").SingleAsync();

        Assert.Equal(0, visible);
        Assert.Equal(tenantA.ToString(), tenant);
    }

    [Fact]
    public async Task AFailedFirstStatementBehindASavepoint_LeavesTheTransactionItsTenant()
    {
        await using var a = database.Context(tenantA);
        await using var transaction = await a.Database.BeginTransactionAsync();
        await transaction.CreateSavepointAsync("first");
        await Assert.ThrowsAsync<PostgresException>(() =>
            a.Database.ExecuteSqlAsync($"INSERT INTO notes (tenant_id, id, text) VALUES ({tenantB}, {Guid.NewGuid()}, 'smuggled')"));
        await transaction.RollbackToSavepointAsync("first");

        var inserted = await a.Database.ExecuteSqlAsync($"INSERT INTO notes (tenant_id, id, text) VALUES ({tenantA}, {Guid.NewGuid()}, 'kept')");
        await transaction.CommitAsync();

        Assert.Equal(1, inserted);
        await using var again = database.Context(tenantA);
        Assert.Equal("kept", (await again.Notes.SingleAsync()).Text);
    }
}
