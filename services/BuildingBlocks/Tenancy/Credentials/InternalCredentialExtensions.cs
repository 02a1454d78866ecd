using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Tenancy.Credentials;

public static class InternalCredentialExtensions
{
    /// <summary>
    /// For services behind the gateway: every endpoint requires a verified internal credential
    /// naming a tenant unless it opts out with AllowAnonymous (health only). A request that
    /// reaches a service any other way is refused with 401.
    /// </summary>
    public static IHostApplicationBuilder AddTenantCredentialAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInternalCredentialOptions();
        builder.Services.AddTenantContext();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<InternalCredentialOptions>>((jwt, credential) =>
            {
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters = InternalCredentialKeys.ValidationParameters(credential.Value);
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.TenantId)
                .Build());
        return builder;
    }

    public static IServiceCollection AddInternalCredentialOptions(this IServiceCollection services)
    {
        services.AddOptions<InternalCredentialOptions>()
            .BindConfiguration(InternalCredentialOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddTenantContext(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<TenantContext>();
        services.AddSingleton<ITenantContextAccessor>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<ITenantContextSetter>(sp => sp.GetRequiredService<TenantContext>());
        return services;
    }
}
