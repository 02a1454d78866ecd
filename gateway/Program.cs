using CrmPlatform.Gateway;
using CrmPlatform.Gateway.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseRequestTimeouts();
app.UseRateLimiter();
app.UseJsonBodyValidation();

app.MapDefaultEndpoints();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapGrpcService<TenantAdminGrpcService>();
app.MapReverseProxy();

app.Run();

public partial class Program;
