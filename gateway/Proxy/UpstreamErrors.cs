using System.Net;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Rpc;
using Microsoft.Extensions.Primitives;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// Decides whether an upstream error may pass to the client as it is. Only a google.rpc.Status
/// our services wrote (JSON for REST; status details for gRPC) passes; anything else (an HTML
/// error page, a framework's text, a message that carries an exception) is replaced by a clean
/// status, because a service that failed that way may have put anything in it.
/// </summary>
public static class UpstreamErrors
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(ErrorResponse.DetailTypes));

    /// <summary>The Status in a REST error body, or null when the body is anything else.</summary>
    public static Google.Rpc.Status? RestStatus(string? mediaType, string body)
    {
        if (mediaType?.Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            var status = Parser.Parse<Google.Rpc.Status>(body);
            return status.Code is > 0 and <= 16 && !string.IsNullOrEmpty(status.Message) ? status : null;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The code a replacement carries: what the HTTP status says, Internal when it says nothing more.</summary>
    public static Code ReplacementCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable => Code.Unavailable,
        HttpStatusCode.GatewayTimeout => Code.DeadlineExceeded,
        HttpStatusCode.NotImplemented => Code.Unimplemented,
        _ => Code.Internal,
    };

    /// <summary>
    /// Whether a gRPC answer's status needs replacing: an Unknown or Internal status passes only
    /// when its details are a Status with the same code and our correlation id, which our
    /// error mapping always adds; a bare grpc-message from a framework or a handler does not.
    /// </summary>
    public static bool GrpcNeedsReplacing(StringValues grpcStatus, StringValues detailsBin)
    {
        if (!int.TryParse(grpcStatus, out var code) || code is not ((int)Code.Unknown or (int)Code.Internal))
        {
            return false;
        }

        try
        {
            var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(Padded(detailsBin.ToString())));
            return details.Code != code || !details.Details.Any(d => d.Is(RequestInfo.Descriptor));
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            return true;
        }
    }

    private static string Padded(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
