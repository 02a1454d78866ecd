using CrmPlatform.Gateway;
using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestTimeouts();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapGrpcService<TenantAdminGrpcService>();
app.MapOpenApiDocument();
app.MapReverseProxy(proxy =>
{
    // After authentication and the tenant policy, before anything is forwarded.
    proxy.UseMiddleware<ScopeEnforcement>();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();

public partial class Program;
