using System.Runtime.CompilerServices;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>
/// POST /v1/interactions:ingest: the REST face of IngestInteractions. Transcoding cannot carry a
/// client stream, so this reads JSON lines (one Interaction each; <c>?ownerId=</c> names the
/// mailbox's member) and answers with the same reports as JSON lines, one per batch. A line that
/// is not an Interaction is a rejected row, not a failed request.
/// </summary>
internal static class IngestEndpoint
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static void MapInteractionIngest(this WebApplication app) => app.MapPost("/v1/interactions:ingest", Ingest);

    private static async Task Ingest(HttpContext http, Ingester ingester, ITenantContextAccessor tenants, string? ownerId)
    {
        var cancellationToken = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var violations = new FieldViolations()
            .Check(mediaType is "application/x-ndjson" or "application/jsonl" or "application/json-lines", "content_type", "must be application/x-ndjson");
        var owner = string.IsNullOrEmpty(ownerId) ? tenants.Tenant?.MemberId : ResourceId.Parse(ownerId, "owner_id", violations);
        if (!violations.IsEmpty)
        {
            await ErrorResponse.Write(http, Google.Rpc.Code.InvalidArgument, violations.Summary, violations.ToBadRequest());
            return;
        }

        using var reader = new StreamReader(http.Request.Body);
        http.Response.ContentType = "application/x-ndjson";
        await foreach (var report in ingester.IngestAsync(Lines(reader, owner, cancellationToken), cancellationToken))
        {
            await http.Response.WriteAsync(JsonFormatter.Default.Format(report) + "\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async IAsyncEnumerable<IngestRow> Lines(StreamReader reader, Guid? owner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // An unreadable line still takes its row number, and is reported in it.
            IngestRow row;
            try
            {
                row = new IngestRow(Parser.Parse<Proto.Interaction>(line), owner);
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
            {
                row = new IngestRow(new Proto.Interaction(), owner, $"not an Interaction in JSON: {e.Message}");
            }

            yield return row;
        }
    }
}
