using CrmPlatform.GrpcConventions;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class GrpcDefaults
{
    /// <summary>The largest request or response message a service accepts.</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    /// <summary>gRPC with REST transcoding from the same contract, one error mapping for all services, and the standard health service.</summary>
    public static IHostApplicationBuilder AddGrpcDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddErrorHandling();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.Interceptors.Add<TextRuleInterceptor>();
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
        }).AddJsonTranscoding(transcoding =>
            // REST clients get the same google.rpc error details (field violations) as gRPC clients.
            transcoding.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        builder.Services.AddTransient<IStartupFilter, RestStatusOverride>();
        UseDecodingGuard(builder.Services);
        builder.Services.TryAddSingleton<PageTokens>();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// REST bodies refused as protobuf's JSON mapping would refuse them (unknown fields, wrong
    /// types, broken JSON), before transcoding silently drops what it does not know. Runs after
    /// routing, which a WebApplication adds ahead of every middleware its Program.cs adds.
    /// </summary>
    public static IApplicationBuilder UseJsonBodyValidation(this IApplicationBuilder app) =>
        app.UseMiddleware<JsonBodyValidation>();

    /// <summary>
    /// Swaps Grpc.AspNetCore's binder of services for one whose request marshallers answer an
    /// undecodable message as InvalidArgument instead of Unknown.
    /// </summary>
    private static void UseDecodingGuard(IServiceCollection services)
    {
        var builtIn = services.Single(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        services.Remove(builtIn);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(DecodingGuardMethodProvider<>));
    }

    /// <summary>
    /// grpc.health.v1 for probes; reflection in development only, for grpcurl against a service
    /// directly. The gateway routes by our packages alone, so it exposes neither.
    /// </summary>
    public static WebApplication MapGrpcDefaults(this WebApplication app)
    {
        app.UseJsonBodyValidation();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }
}
