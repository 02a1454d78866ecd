using CrmPlatform.EventContracts;
using CrmPlatform.Tenancy;
using MassTransit;

namespace CrmPlatform.Messaging.Tenancy;

/// <summary>
/// Runs each consumer as the tenant the message belongs to. The header and the event must name
/// the same tenant; a message without one is refused before any consumer code runs.
/// </summary>
public sealed class TenantConsumeFilter<T>(ITenantContextSetter tenants) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var header = context.Headers.Get<string>(TenantHeaders.TenantId);
        if (!Guid.TryParse(header, out var tenantId) || tenantId == Guid.Empty)
        {
            throw new MissingTenantException($"Message {context.MessageId} of type {typeof(T).Name} carries no tenant.");
        }

        if (context.Message is IntegrationEvent integrationEvent && integrationEvent.TenantId != tenantId)
        {
            throw new MissingTenantException($"Message {context.MessageId} names tenant {integrationEvent.TenantId} in its body but {tenantId} in its header.");
        }

        using (tenants.Use(new TenantInfo(tenantId)))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-consume");
}
