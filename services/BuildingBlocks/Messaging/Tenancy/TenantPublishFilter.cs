using CrmPlatform.EventContracts;
using MassTransit;

namespace CrmPlatform.Messaging.Tenancy;

/// <summary>Copies each event's tenant into a header, so infrastructure can route or refuse without reading bodies.</summary>
public sealed class TenantPublishFilter<T> : IFilter<PublishContext<T>>
    where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (context.Message is IntegrationEvent integrationEvent)
        {
            context.Headers.Set(TenantHeaders.TenantId, integrationEvent.TenantId.ToString());
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-publish");
}
