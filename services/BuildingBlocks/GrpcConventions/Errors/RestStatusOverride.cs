using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// JSON transcoding maps each gRPC status to one fixed HTTP status (FAILED_PRECONDITION to 400);
/// REST clients expect 412 for a stale etag. The error mapping leaves the status it wants on the
/// request, and this sets it just before the response starts. gRPC responses are left alone.
/// </summary>
internal sealed class RestStatusOverride : IStartupFilter
{
    private const string Key = "crm.rest-status";

    public static void Request(HttpContext http, int status) => http.Items[Key] = status;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            http.Response.OnStarting(() =>
            {
                if (http.Items.TryGetValue(Key, out var status) && status is int code
                    && http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
                {
                    http.Response.StatusCode = code;
                }

                return Task.CompletedTask;
            });
            await nextMiddleware(http);
        });
        next(app);
    };
}
