using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.IntegrationTests.Support;
using MassTransit;
using RabbitMQ.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>The inbox: whatever the broker delivers twice has its effect once; nothing without a tenant has any.</summary>
[Collection(PlatformCollection.Name)]
public sealed class InboxTests(PlatformFixture platform)
{
    [Fact]
    public async Task SameEventDeliveredTwice_HasOneEffect()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Twice AB");
        var tenantId = Guid.Parse(tenant.TenantId);
        var companyId = Guid.Parse(company.Id);
        var early = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var later = early.AddDays(1);
        var duplicated = new InteractionRecorded(tenantId, Guid.NewGuid(), companyId, "Call", early);
        var marker = new InteractionRecorded(tenantId, Guid.NewGuid(), companyId, "Note", later);

        await using (var bus = await TestBus.Start(platform))
        {
            await bus.PublishAs(tenant.TenantId, duplicated);
            await bus.PublishAs(tenant.TenantId, duplicated);
            await bus.PublishAs(tenant.TenantId, marker);
        }

        var facts = await Eventually.Get(async () =>
        {
            var f = await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id });
            return f.LastInteractionTime?.ToDateTimeOffset() == later ? f : null;
        }, "the marker event to be consumed");
        await Task.Delay(TimeSpan.FromSeconds(1));
        facts = await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id });

        Assert.Equal(2, facts.InteractionCount);
    }

    [Fact]
    public async Task EventWithoutTenantHeader_IsNeverProcessed_AndLandsInTheErrorQueue()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Headless AB");
        const string errorQueue = "segmentation-interaction-recorded_error";
        var errorsBefore = await QueueLength(errorQueue);

        await using (var bus = await TestBus.Start(platform))
        {
            await bus.Publish(new InteractionRecorded(Guid.Parse(tenant.TenantId), Guid.NewGuid(), Guid.Parse(company.Id), "Call", DateTimeOffset.UtcNow));
        }

        await Eventually.True(async () => await QueueLength(errorQueue) == errorsBefore + 1, "the tenant-less event to reach the error queue");
        var facts = await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id });
        Assert.Equal(0, facts.InteractionCount);
    }

    private async Task<uint> QueueLength(string queue)
    {
        var broker = new Uri(platform.BrokerConnectionString);
        var credentials = broker.UserInfo.Split(':');
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            UserName = Uri.UnescapeDataString(credentials[0]),
            Password = Uri.UnescapeDataString(credentials[1]),
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
