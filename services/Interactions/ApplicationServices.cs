using CrmPlatform.Interactions.Consumers;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging;
using CrmPlatform.Tenancy.Credentials;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTenantCredentialAuthentication();
        builder.AddGrpcDefaults();
        builder.AddTenantDbContext<InteractionsDbContext>("interactionsdb");
        builder.AddMessaging<InteractionsDbContext>("interactions", bus =>
        {
            bus.AddKnownCompanies(); // companies created and updated, people added, changed and left
            bus.AddConsumer<CompanyMergedOrUndoneConsumer>();
        });
        return builder;
    }
}
