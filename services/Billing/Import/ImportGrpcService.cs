using Grpc.Core;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Import;

/// <summary>crm.billing.v1.BillingImportService: invoice, payment and credit-note history from ERPs.</summary>
public sealed class ImportGrpcService(Importer importer) : Proto.BillingImportService.BillingImportServiceBase
{
    public override async Task ImportBillingHistory(
        IAsyncStreamReader<Proto.ImportBillingHistoryRequest> requestStream,
        IServerStreamWriter<Proto.ImportBillingHistoryResponse> responseStream,
        ServerCallContext context)
    {
        async IAsyncEnumerable<ImportRow> Rows()
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                foreach (var record in message.Records)
                {
                    yield return new ImportRow(record);
                }
            }
        }

        await foreach (var report in importer.ImportAsync(Rows(), context.CancellationToken))
        {
            await responseStream.WriteAsync(report, context.CancellationToken);
        }
    }
}
