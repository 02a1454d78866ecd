using CrmPlatform.Billing.Consumers;
using CrmPlatform.Billing.Data;
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
            bus.AddConsumer<CompanyCreatedConsumer>();
            bus.AddConsumer<CompanyMergedConsumer>();
        });
        return builder;
    }
}
