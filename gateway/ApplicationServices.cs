using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Data;
using CrmPlatform.Gateway.Proxy;
using CrmPlatform.Gateway.RateLimiting;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Credentials;
using CrmPlatform.Tenancy.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using CrmPlatform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Gateway;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var platformDb = builder.Configuration.GetConnectionString("platformdb")
            ?? throw new InvalidOperationException("ConnectionStrings:platformdb is not configured.");
        builder.Services.AddDbContext<PlatformDbContext>((sp, options) => options
            .UseTenantDatabase(platformDb)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.AddDatabaseMigration<PlatformDbContext>("platformdb");
        builder.AddEventPublishing<PlatformDbContext>("gateway"); // members added, changed and removed

        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyValidator>();
        builder.Services.AddSingleton<MemberDirectory>();
        builder.Services.AddSingleton(MethodCatalog.FromContracts());
        builder.Services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(CredentialAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ServiceRoutes.TenantPolicy, policy => policy.RequireRole(CallerRoles.Partner).RequireClaim(TenantClaims.TenantId));

        builder.Services.AddInternalCredentialOptions();
        builder.Services.AddSingleton<InternalCredentialIssuer>();
        builder.Services.AddSingleton<InternalCredentialTransform>();
        builder.Services.AddSingleton<UpstreamErrorTransform>();
        var (routes, clusters) = ServiceRoutes.From(builder.Configuration);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(context =>
            {
                context.RequestTransforms.Add(context.Services.GetRequiredService<InternalCredentialTransform>());
                context.Services.GetRequiredService<UpstreamErrorTransform>().AddTo(context);
            });

        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TenantLimitsCache>();
        builder.Services.AddSingleton<TenantBuckets>();

        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new() { Timeout = TimeSpan.FromSeconds(30) });
        builder.AddGrpcDefaults();
        return builder;
    }
}
