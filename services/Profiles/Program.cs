using CrmPlatform.Profiles;
using CrmPlatform.Profiles.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<ProfilesGrpcService>();

app.Run();

public partial class Program;
