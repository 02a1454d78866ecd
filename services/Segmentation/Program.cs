using CrmPlatform.Segmentation;
using CrmPlatform.Segmentation.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<SegmentationGrpcService>();

app.Run();

public partial class Program;
