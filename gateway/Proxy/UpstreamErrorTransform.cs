using CrmPlatform.GrpcConventions;
using Google.Rpc;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// The last look at a service's answer before the client sees it: a REST 5xx whose body is not
/// a google.rpc.Status, or a gRPC Unknown/Internal status without our details, is replaced by a
/// clean status carrying the correlation id (the trace id, which the gateway and the service share).
/// </summary>
public sealed class UpstreamErrorTransform(ILogger<UpstreamErrorTransform> logger)
{
    private const int MaxErrorBody = 64 * 1024;

    public void AddTo(TransformBuilderContext context)
    {
        context.AddResponseTransform(Response);
        context.AddResponseTrailersTransform(Trailers);
    }

    private async ValueTask Response(ResponseTransformContext context)
    {
        var http = context.HttpContext;
        if (context.ProxyResponse is not { } upstream)
        {
            return;
        }

        if (ErrorResponse.IsGrpc(http.Request))
        {
            // A trailers-only answer carries its status in the headers.
            CleanGrpc(http, http.Response.Headers);
            return;
        }

        if ((int)upstream.StatusCode < 500)
        {
            return;
        }

        var body = await ReadBounded(upstream.Content, context.CancellationToken);
        var status = UpstreamErrors.RestStatus(upstream.Content.Headers.ContentType?.MediaType, body);
        if (status is null)
        {
            logger.LogWarning("Replaced a {Status} answer from upstream that was not a google.rpc.Status; correlation id {CorrelationId}.",
                (int)upstream.StatusCode, ErrorResponse.CorrelationId(http));
            status = ErrorResponse.Create(http, UpstreamErrors.ReplacementCode(upstream.StatusCode), UnhandledErrors.Message);
        }

        context.SuppressResponseBody = true;
        await ErrorResponse.Write(http, status);
    }

    private ValueTask Trailers(ResponseTrailersTransformContext context)
    {
        if (context.HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
        {
            CleanGrpc(context.HttpContext, trailers);
        }

        return ValueTask.CompletedTask;
    }

    private void CleanGrpc(HttpContext http, IHeaderDictionary headers)
    {
        if (!UpstreamErrors.GrpcNeedsReplacing(headers["grpc-status"], headers["grpc-status-details-bin"]))
        {
            return;
        }

        logger.LogWarning("Replaced gRPC status {Status} from upstream without our details; correlation id {CorrelationId}.",
            headers["grpc-status"].ToString(), ErrorResponse.CorrelationId(http));
        ErrorResponse.SetGrpcStatus(headers, ErrorResponse.Create(http, Code.Internal, UnhandledErrors.Message));
    }

    private static async Task<string> ReadBounded(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBody];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
