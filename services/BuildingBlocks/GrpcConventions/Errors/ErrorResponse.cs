using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// The one shape every error takes on its way to a client, whoever answers (a service, the
/// gateway's authentication, its rate limiter, its replacement of a broken upstream answer):
/// a <c>google.rpc.Status</c>, as JSON over REST and as status, message and details trailers over
/// gRPC. Every status carries a <c>google.rpc.RequestInfo</c> whose request id is the trace id,
/// so a client's report leads to the logs and traces of exactly that call.
/// </summary>
public static class ErrorResponse
{
    public static readonly TypeRegistry DetailTypes = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(DetailTypes));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The id a client quotes and the logs and traces carry: the W3C trace id of the call.</summary>
    public static string CorrelationId(HttpContext http) =>
        Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

    public static Google.Rpc.Status Create(HttpContext http, Code code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        status.Details.Add(Any.Pack(new RequestInfo { RequestId = CorrelationId(http) }));
        return status;
    }

    public static Task Write(HttpContext http, Code code, string message, params IMessage[] details) =>
        Write(http, Create(http, code, message, details));

    /// <summary>
    /// Writes <paramref name="status"/> as the whole response: trailers-only for gRPC, a JSON body
    /// for REST with the code's HTTP status, or <paramref name="httpStatus"/> where HTTP says it better (413).
    /// </summary>
    public static Task Write(HttpContext http, Google.Rpc.Status status, int? httpStatus = null)
    {
        var response = http.Response;
        response.Headers.ContentLength = null;
        if (IsGrpc(http.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            SetGrpcStatus(response.Headers, status);
            return Task.CompletedTask;
        }

        response.StatusCode = httpStatus ?? HttpStatus((Code)status.Code);
        response.ContentType = "application/json";
        return response.WriteAsync(Json.Format(status), http.RequestAborted);
    }

    /// <summary>The gRPC status, message and details, in the headers of a trailers-only response or in trailers.</summary>
    public static void SetGrpcStatus(IHeaderDictionary headers, Google.Rpc.Status status)
    {
        headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }

    /// <summary>The HTTP status for a gRPC code, as google.rpc.Code documents it and JSON transcoding maps it.</summary>
    public static int HttpStatus(Code code) => code switch
    {
        Code.Ok => StatusCodes.Status200OK,
        Code.Cancelled => 499,
        Code.InvalidArgument or Code.FailedPrecondition or Code.OutOfRange => StatusCodes.Status400BadRequest,
        Code.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        Code.NotFound => StatusCodes.Status404NotFound,
        Code.AlreadyExists or Code.Aborted => StatusCodes.Status409Conflict,
        Code.PermissionDenied => StatusCodes.Status403Forbidden,
        Code.Unauthenticated => StatusCodes.Status401Unauthorized,
        Code.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Code.Unimplemented => StatusCodes.Status501NotImplemented,
        Code.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
