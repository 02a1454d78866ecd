using CrmPlatform.Profiles;
using CrmPlatform.Profiles.Grpc;
using CrmPlatform.Profiles.Import;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<ProfilesGrpcService>();
app.MapCompanyImport();

app.Run();

public partial class Program;
