using CrmPlatform.Interactions;
using CrmPlatform.Interactions.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<InteractionsGrpcService>();

app.Run();

public partial class Program;
