using CrmPlatform.Billing;
using CrmPlatform.Billing.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<BillingGrpcService>();

app.Run();

public partial class Program;
