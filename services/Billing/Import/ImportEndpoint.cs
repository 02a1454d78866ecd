using System.Runtime.CompilerServices;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Import;

/// <summary>
/// POST /v1/billing:import: the REST face of ImportBillingHistory. Transcoding cannot carry a
/// client stream, so this reads JSON lines (one BillingRecord each) or CSV (see <see cref="BillingCsv"/>)
/// and answers with the same reports as JSON lines, one per batch. A line that cannot be read is a
/// rejected row, not a failed request.
/// </summary>
internal static class ImportEndpoint
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static void MapBillingImport(this WebApplication app) => app.MapPost("/v1/billing:import", Import);

    private static async Task Import(HttpContext http, Importer importer)
    {
        var cancellationToken = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var violations = new FieldViolations()
            .Check(mediaType is "text/csv" or "application/x-ndjson" or "application/jsonl" or "application/json-lines", "content_type", "must be text/csv or application/x-ndjson");
        if (!violations.IsEmpty)
        {
            await ErrorResponse.Write(http, Google.Rpc.Code.InvalidArgument, violations.Summary, violations.ToBadRequest());
            return;
        }

        using var reader = new StreamReader(http.Request.Body);
        IAsyncEnumerable<ImportRow> rows;
        try
        {
            rows = mediaType == "text/csv" ? await BillingCsv.Read(reader, cancellationToken) : Lines(reader, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            var header = e.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
            await ErrorResponse.Write(http, Google.Rpc.Code.InvalidArgument, e.Status.Detail, header);
            return;
        }

        http.Response.ContentType = "application/x-ndjson";
        await foreach (var report in importer.ImportAsync(rows, cancellationToken))
        {
            await http.Response.WriteAsync(JsonFormatter.Default.Format(report) + "\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async IAsyncEnumerable<ImportRow> Lines(StreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ImportRow row;
            try
            {
                row = new ImportRow(Parser.Parse<Proto.BillingRecord>(line));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
            {
                row = new ImportRow(new Proto.BillingRecord(), $"not a BillingRecord in JSON: {e.Message}");
            }

            yield return row;
        }
    }
}
