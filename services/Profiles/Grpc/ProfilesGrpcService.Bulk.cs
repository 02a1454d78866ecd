using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Profiles.Import;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Companies in bulk: imported from the tenant's other systems, exported whole.</summary>
public sealed partial class ProfilesGrpcService
{
    public override async Task ImportCompanies(
        IAsyncStreamReader<ImportCompaniesRequest> requestStream, IServerStreamWriter<ImportCompaniesResponse> responseStream, ServerCallContext context)
    {
        // The idempotency key rides on the first message.
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : new ImportCompaniesRequest();

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

        var importer = context.GetHttpContext().RequestServices.GetRequiredService<CompanyImporter>();
        await foreach (var report in importer.ImportAsync(Rows(), first.RequestId, context.CancellationToken))
        {
            await responseStream.WriteAsync(report, context.CancellationToken);
        }
    }

    public override async Task ExportCompanies(ExportCompaniesRequest request, IServerStreamWriter<Contracts.Profiles.V1.Company> responseStream, ServerCallContext context)
    {
        var policy = await db.ReviewPolicy(context.CancellationToken);
        var companies = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Id).AsAsyncEnumerable();
        await foreach (var company in companies.WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(company.ToProto(policy), context.CancellationToken);
        }
    }
}
