using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// What a client gets when code fails in a way nobody mapped: a bare Internal status with the
/// correlation id, and nothing of the exception (no stack, no SQL, no address, no header). The
/// exception itself goes to the log, on a line that names the same correlation id.
/// </summary>
public static class UnhandledErrors
{
    public const string Message = "Internal error.";

    public static void Log(ILogger logger, HttpContext http, Exception exception) =>
        logger.LogError(exception, "Unhandled error in {Method} {Path}; correlation id {CorrelationId}.",
            http.Request.Method, http.Request.Path, ErrorResponse.CorrelationId(http));

    /// <summary>Logs and answers, unless the client has gone (nothing to answer, nothing wrong).</summary>
    public static async Task Answer(ILogger logger, HttpContext http, Exception exception)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (exception is BadHttpRequestException unreadable && !http.Response.HasStarted)
        {
            // Kestrel could not read the request (too large, malformed): the client's fault, not ours.
            http.Response.Clear();
            await ErrorResponse.Write(http, ErrorResponse.Create(http, Code.InvalidArgument, $"The request could not be read: {unreadable.Message}"), unreadable.StatusCode);
            return;
        }

        Log(logger, http, exception);
        if (http.Response.HasStarted)
        {
            // Headers are out: the only honest thing left is to break the connection.
            http.Abort();
            return;
        }

        http.Response.Clear();
        await ErrorResponse.Write(http, Code.Internal, Message);
    }
}
