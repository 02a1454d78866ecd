using CrmPlatform.Interactions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapInteractionsServices();

app.Run();

public partial class Program;
