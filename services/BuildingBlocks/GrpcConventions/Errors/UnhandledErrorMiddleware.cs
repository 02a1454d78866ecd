using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// The outermost middleware of every process (a startup filter runs before anything Program.cs
/// adds): an exception that escapes any endpoint or middleware, in any environment, is answered
/// as a google.rpc.Status. In production nothing else would answer but an empty 500.
/// </summary>
internal sealed class UnhandledErrorMiddleware(ILogger<UnhandledErrorMiddleware> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            try
            {
                await nextMiddleware(http);
            }
            catch (Exception e)
            {
                await UnhandledErrors.Answer(logger, http, e);
            }
        });
        next(app);
    };
}
