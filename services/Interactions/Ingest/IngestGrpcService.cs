using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy;
using Grpc.Core;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>crm.interactions.v1.IngestService over gRPC: each message's rows with its owner.</summary>
public sealed class IngestGrpcService(Ingester ingester, ITenantContextAccessor tenants) : Proto.IngestService.IngestServiceBase
{
    public override async Task IngestInteractions(
        IAsyncStreamReader<Proto.IngestInteractionsRequest> requestStream,
        IServerStreamWriter<Proto.IngestInteractionsResponse> responseStream,
        ServerCallContext context)
    {
        var acting = tenants.Tenant?.MemberId;

        async IAsyncEnumerable<IngestRow> Rows()
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                var owner = message.OwnerId.Length > 0 ? ResourceId.Parse(message.OwnerId, "owner_id") : acting;
                foreach (var interaction in message.Interactions)
                {
                    yield return new IngestRow(interaction, owner);
                }
            }
        }

        await foreach (var report in ingester.IngestAsync(Rows(), context.CancellationToken))
        {
            await responseStream.WriteAsync(report, context.CancellationToken);
        }
    }
}
