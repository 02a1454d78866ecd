using CrmPlatform.GrpcConventions;
using Google.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// When the gateway cannot reach a service at all (it is down, restarting, too slow), YARP
/// answers 502 or 504 with an empty body; clients get the shared error shape instead.
/// </summary>
public static class ForwardingFailure
{
    public static async Task Answer(HttpContext http, Func<Task> next)
    {
        await next();
        if (http.GetForwarderErrorFeature() is not { } failure || http.Response.HasStarted)
        {
            return;
        }

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardingFailure));
        logger.LogWarning(failure.Exception, "Forwarding failed ({Error}); correlation id {CorrelationId}.",
            failure.Error, ErrorResponse.CorrelationId(http));
        var (code, message) = failure.Error is ForwarderError.RequestTimedOut
            ? (Code.DeadlineExceeded, "The service did not answer in time.")
            : (Code.Unavailable, "The service is unavailable; retry shortly.");
        await ErrorResponse.Write(http, code, message);
    }
}
