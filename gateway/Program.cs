using CrmPlatform.Gateway;
using CrmPlatform.Gateway.Grpc;
using CrmPlatform.Gateway.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestTimeouts();
app.UseMiddleware<TenantRateLimiting>();

app.MapDefaultEndpoints();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapGrpcService<TenantAdminGrpcService>();
app.MapReverseProxy();

app.Run();

public partial class Program;
