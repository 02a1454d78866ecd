using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>crm.profiles.v1.BulkService: companies in bulk, imported from the tenant's other systems and exported whole.</summary>
public sealed class BulkGrpcService(ProfilesDbContext db, CompanyImporter importer)
    : Proto.BulkService.BulkServiceBase
{
    public override async Task ImportCompanies(
        IAsyncStreamReader<Proto.ImportCompaniesRequest> requestStream, IServerStreamWriter<Proto.ImportCompaniesResponse> responseStream, ServerCallContext context)
    {
        // The idempotency key rides on the first message.
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : new Proto.ImportCompaniesRequest();

        async IAsyncEnumerable<ImportInput> Rows()
        {
            foreach (var company in first.Companies)
            {
                yield return ImportInput.Of(company);
            }

            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                foreach (var company in message.Companies)
                {
                    yield return ImportInput.Of(company);
                }
            }
        }

        await foreach (var report in importer.ImportAsync(Rows(), first.RequestId, context.CancellationToken))
        {
            await responseStream.WriteAsync(report, context.CancellationToken);
        }
    }

    public override async Task ExportCompanies(Proto.ExportCompaniesRequest request, IServerStreamWriter<Proto.Company> responseStream, ServerCallContext context)
    {
        var policy = await db.ReviewPolicy(context.CancellationToken);
        var companies = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Id).AsAsyncEnumerable();
        await foreach (var company in companies.WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(company.ToProto(policy), context.CancellationToken);
        }
    }
}
