using CrmPlatform.Billing.Collection;
using CrmPlatform.Billing.Consumers;
using CrmPlatform.Billing.Data;
using CrmPlatform.Billing.Import;
using CrmPlatform.Billing.Overdue;
using CrmPlatform.Billing.Receivables;
using CrmPlatform.Billing.Standing;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging;
using CrmPlatform.Messaging.Wakeups;
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
            bus.AddConsumer<CompanyMergedOrUndoneConsumer>(); // invoices, payments, credit notes and effort follow; standings recomputed
        });
        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<Collector>();
        builder.Services.AddScoped<StandingWriter>();
        builder.Services.AddScoped<CreditChecks>();
        builder.Services.AddScoped<CreditGate>();
        builder.Services.AddScoped<OverdueAlarms>();
        builder.Services.AddScoped<Importer>();
        builder.Services.AddCommitListener<OverdueSignal>();
        builder.Services.AddHostedService<OverdueWatcher>();
        return builder;
    }

    public static WebApplication MapBillingServices(this WebApplication app)
    {
        app.MapGrpcService<BillingGrpcService>();
        app.MapGrpcService<CollectionGrpcService>();
        app.MapGrpcService<PaymentBehaviourGrpcService>();
        app.MapGrpcService<ImportGrpcService>();
        app.MapBillingImport();
        return app;
    }
}
