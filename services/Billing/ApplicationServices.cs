using CrmPlatform.Billing.Consumers;
using CrmPlatform.Billing.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging;
using CrmPlatform.Tenancy.Credentials;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTenantCredentialAuthentication();
        builder.AddGrpcDefaults();
        builder.AddTenantDbContext<BillingDbContext>("billingdb");
        builder.AddMessaging<BillingDbContext>("billing", bus =>
        {
            bus.AddKnownCompanies(); // companies created and updated, people added, changed and left
            bus.AddConsumer<CompanyMergedOrUndoneConsumer>();
        });
        return builder;
    }
}
