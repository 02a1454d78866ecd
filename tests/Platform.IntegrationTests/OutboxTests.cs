using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>The transactional outbox: committed events are never lost, rolled-back ones never sent.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboxTests(PlatformFixture platform)
{
    [Fact]
    public async Task WritesSucceedWhileTheBrokerIsDown_AndEveryEventArrivesWhenItIsBack()
    {
        using var tenant = await platform.NewTenant();
        var ids = new List<string>();

        await platform.StopBroker();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                ids.Add((await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = $"Outage {i}" } })).Id);
            }

            Assert.Equal(5, await PendingEvents(tenant.TenantId));
        }
        finally
        {
            await platform.StartBroker();
        }

        foreach (var id in ids)
        {
            await Eventually.True(() => FactsExist(tenant, id), $"company {id} to reach Segmentation after the outage", TimeSpan.FromSeconds(90));
        }

        Assert.Equal(0, await PendingEvents(tenant.TenantId));
    }

    [Fact]
    public async Task EventsCommittedBeforeACrash_AreDeliveredAfterTheRestart()
    {
        using var tenant = await platform.NewTenant();
        string id;

        // With the broker away the event can only wait in the outbox when the service dies.
        await platform.StopBroker();
        try
        {
            id = (await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Crash Test AB" } })).Id;
            Assert.Equal(1, await PendingEvents(tenant.TenantId));
            await platform.KillService("profiles");
        }
        finally
        {
            await platform.StartBroker();
        }

        Assert.False(await FactsExist(tenant, id));
        await platform.StartService("profiles");

        // Events of earlier tests may still be queued ahead of this one (delivery runs at some
        // 200 events/s today), so the wait allows for a backlog, not only for the restart.
        await Eventually.True(() => FactsExist(tenant, id), "the crashed service's committed event to arrive", TimeSpan.FromMinutes(4));
    }

    [Fact]
    public async Task RolledBackWrite_PublishesNothing()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Rollback AB");
        await tenant.Billing.CreateInvoiceAsync(Invoice(company.Id, "INV-1", 100));

        // Same number: the unique index fails the transaction that also held the InvoiceIssued event.
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => tenant.Billing.CreateInvoiceAsync(Invoice(company.Id, "INV-1", 7000)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        await tenant.Billing.CreateInvoiceAsync(Invoice(company.Id, "INV-2", 20));

        var facts = await Eventually.Get(async () =>
        {
            var f = await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id });
            return f.InvoiceCount >= 2 ? f : null;
        }, "both committed invoices to reach Segmentation");

        // The relay publishes in commit order, so a leaked event would have arrived before INV-2's.
        Assert.Equal(2, facts.InvoiceCount);
        Assert.Equal(120, Assert.Single(facts.InvoicedTotals).Units);
    }

    [Fact]
    public async Task AnEventThisBuildCannotRead_IsParkedWithItsError_AndTheEventsBehindItArrive()
    {
        using var tenant = await platform.NewTenant();
        var unreadable = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("profiles"));
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO outbox_messages (message_id, message_type, body, created_at, attempts) VALUES ($1, 'Renamed.LongAgo, Gone', '{}', now(), 0)", connection))
        {
            insert.Parameters.AddWithValue(unreadable);
            await insert.ExecuteNonQueryAsync();
        }

        try
        {
            // Committed after the unreadable row, so published in the same or a later batch.
            var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Behind The Parked AB" } });
            await Eventually.True(() => FactsExist(tenant, company.Id), "the event behind the unreadable one to arrive");

            await using var parked = new NpgsqlCommand("SELECT attempts, last_error, next_attempt_at > now() FROM outbox_messages WHERE message_id = $1", connection);
            parked.Parameters.AddWithValue(unreadable);
            await using var reader = await parked.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the unreadable event is kept for an operator, not dropped");
            Assert.True(reader.GetInt32(0) >= 1);
            Assert.Contains("Renamed.LongAgo", reader.GetString(1));
            Assert.True(reader.GetBoolean(2), "parked until a later attempt");
        }
        finally
        {
            await using var delete = new NpgsqlCommand("DELETE FROM outbox_messages WHERE message_id = $1", connection);
            delete.Parameters.AddWithValue(unreadable);
            await delete.ExecuteNonQueryAsync();
        }
    }

    private static CreateInvoiceRequest Invoice(string companyId, string number, long euros) => new()
    {
        Invoice = new Invoice
        {
            CompanyId = companyId,
            Number = number,
            Amount = new Money { CurrencyCode = "EUR", Units = euros },
            IssueDate = new Date { Year = 2026, Month = 10, Day = 1 },
            DueDate = new Date { Year = 2026, Month = 10, Day = 31 },
        },
    };

    private async Task<long> PendingEvents(string tenantId)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("profiles"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE body->>'tenantId' = $1", connection);
        command.Parameters.AddWithValue(tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> FactsExist(TenantClient tenant, string companyId)
    {
        try
        {
            return (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = companyId })).Name.Length > 0;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
