using CrmPlatform.Messaging;
using CrmPlatform.Segmentation.Consumers;
using CrmPlatform.Segmentation.Data;
using CrmPlatform.Tenancy.Credentials;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Segmentation;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTenantCredentialAuthentication();
        builder.AddGrpcDefaults();
        builder.AddTenantDbContext<SegmentationDbContext>("segmentationdb");
        builder.AddMessaging<SegmentationDbContext>("segmentation", bus =>
        {
            bus.AddConsumer<CompanyCreatedConsumer>();
            bus.AddConsumer<CompanyUpdatedConsumer>();
            bus.AddConsumer<CompanyDeletedOrRestoredConsumer>();
            bus.AddConsumer<CompanyMergedOrUndoneConsumer>();
            bus.AddConsumer<InteractionRecordedConsumer>();
            bus.AddConsumer<InvoiceIssuedConsumer>();
        });
        return builder;
    }
}
