using CrmPlatform.Segmentation.Data;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CrmPlatform.Segmentation.Tests;

/// <summary>The hand-written migrations against the model, without a database.</summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> TenantTables()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        return new(db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!));
    }

    [Fact]
    public void TheSnapshot_MatchesTheModel()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration's snapshot holds");
    }

    [Theory]
    [MemberData(nameof(TenantTables))]
    public void EveryTenantTable_GetsRowLevelSecurity(string table)
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>();

        var sql = migrations.Migrations.Values
            .SelectMany(m => migrations.CreateMigration(m, db.Database.ProviderName!).UpOperations)
            .OfType<SqlOperation>()
            .Select(o => o.Sql);

        Assert.Contains(RowLevelSecurity.EnableSql(table), sql);
    }
}
