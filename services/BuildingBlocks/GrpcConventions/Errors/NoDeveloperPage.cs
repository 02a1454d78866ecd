using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// WebApplication adds the developer exception page by itself in Development, inside every
/// startup filter, and the AppHost runs processes in Development. The page renders whatever its
/// filters leave it; this filter answers with the Status instead and never lets the page render
/// its stack, SQL, addresses and request headers.
/// </summary>
internal sealed class NoDeveloperPage(ILogger<NoDeveloperPage> logger) : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next) =>
        UnhandledErrors.Answer(logger, errorContext.HttpContext, errorContext.Exception);
}
