using CrmPlatform.Gateway;
using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Grpc;
using CrmPlatform.Gateway.Proxy;
using CrmPlatform.Gateway.RateLimiting;

if (args is [OpenApiEndpoint.WriteArgument, var documentPath])
{
    OpenApiEndpoint.Write(documentPath);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestTimeouts();
app.UseMiddleware<TenantRateLimiting>();
app.UseJsonBodyValidation();

app.MapDefaultEndpoints();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapGrpcService<TenantAdminGrpcService>();
app.MapGrpcService<MembersGrpcService>();
app.MapOpenApiDocument();
app.MapUnknownPaths();
app.MapReverseProxy(proxy =>
{
    // After authentication and the tenant policy, before anything is forwarded.
    proxy.UseMiddleware<ScopeEnforcement>();
    proxy.UseMiddleware<ActingMemberResolution>();
    proxy.Use(ForwardingFailure.Answer);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();

public partial class Program;
