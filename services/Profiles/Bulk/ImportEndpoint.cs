using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>
/// POST /v1/companies:import: the REST face of ImportCompanies. JSON transcoding cannot carry a
/// client stream, so this endpoint reads the body itself (CSV or JSON lines) and answers with the
/// same reports as JSON lines, one per batch, as they are written.
/// </summary>
internal static class ImportEndpoint
{
    public static void MapCompanyImport(this WebApplication app) => app.MapPost("/v1/companies:import", Import);

    private static async Task Import(HttpContext http, CompanyImporter importer, string? requestId)
    {
        var cancellationToken = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The gateway bounds bulk bodies; behind it, the import reads as it goes.
            limit.MaxRequestBodySize = null;
        }

        using var reader = new StreamReader(http.Request.Body);
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        IAsyncEnumerable<ImportInput> rows;
        try
        {
            rows = mediaType switch
            {
                "text/csv" => await ImportFormats.Csv(reader, cancellationToken),
                "application/x-ndjson" or "application/jsonl" or "application/json-lines" => ImportFormats.JsonLines(reader, cancellationToken),
                _ => throw new FieldViolations().Add("content_type", "must be text/csv or application/x-ndjson").ToException(),
            };
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.InvalidArgument)
        {
            await WriteBadRequest(http, e);
            return;
        }

        var started = false;
        try
        {
            await foreach (var report in importer.ImportAsync(rows, requestId ?? "", cancellationToken))
            {
                if (!started)
                {
                    http.Response.ContentType = "application/x-ndjson";
                    started = true;
                }

                await http.Response.WriteAsync(JsonFormatter.Default.Format(report) + "\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.InvalidArgument && !started)
        {
            await WriteBadRequest(http, e);
        }
    }

    /// <summary>The same 400 body JSON transcoding gives: the google.rpc.Status with its BadRequest details.</summary>
    private static async Task WriteBadRequest(HttpContext http, global::Grpc.Core.RpcException error)
    {
        var status = error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)global::Grpc.Core.StatusCode.InvalidArgument, Message = error.Status.Detail };
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json";
        var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor)));
        await http.Response.WriteAsync(formatter.Format(status), http.RequestAborted);
    }
}
