using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>What the services know of Profiles' companies, whatever order the events arrive in.</summary>
[Collection(PlatformCollection.Name)]
public sealed class KnownCompanyTests(PlatformFixture platform)
{
    [Fact]
    public async Task ACreationArrivingAfterAnUpdate_KeepsTheUpdatedName_AndTheCreationTime()
    {
        using var tenant = await platform.NewTenant();
        var tenantId = Guid.Parse(tenant.TenantId);
        var companyId = Guid.CreateVersion7();
        var createdAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var updatedAt = createdAt.AddHours(1);

        await using (var bus = await TestBus.Start(platform))
        {
            await bus.PublishAs(tenant.TenantId, new CompanyUpdated(
                tenantId, companyId, ["name"], "Renamed AB", null, null, null, null, null, "Customer", null, null, [], null) { OccurredAt = updatedAt });
            await Eventually.True(async () => await Known(tenantId, companyId) is not null, "the update to make the company known");
            await bus.PublishAs(tenant.TenantId, new CompanyCreated(
                tenantId, companyId, "Original AB", null, null, null, null, null, "Customer", null, null, [], null) { OccurredAt = createdAt });
        }

        var known = await Eventually.Get(async () => await Known(tenantId, companyId) is { } row && row.KnownSince == createdAt ? row : null,
            "the late creation to be taken in");
        Assert.Equal("Renamed AB", known.Name);
    }

    /// <summary>The company as Billing knows it (read as the superuser, past row-level security).</summary>
    private async Task<KnownRow?> Known(Guid tenantId, Guid companyId)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("billing"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, known_since FROM known_companies WHERE tenant_id = $1 AND company_id = $2", connection);
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(companyId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new KnownRow(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    private sealed record KnownRow(string Name, DateTimeOffset KnownSince);
}
