using CrmPlatform.GrpcConventions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ErrorHandlingDefaults
{
    /// <summary>Every unhandled exception, in every environment, answered as a google.rpc.Status and logged with its correlation id.</summary>
    public static TBuilder AddErrorHandling<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddTransient<IStartupFilter, UnhandledErrorMiddleware>();
        builder.Services.AddSingleton<IDeveloperPageExceptionFilter, NoDeveloperPage>();
        return builder;
    }
}
