using CrmPlatform.Interactions.Consumers;
using CrmPlatform.Interactions.Contacts;
using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Ingest;
using CrmPlatform.Interactions.Members;
using CrmPlatform.Interactions.Timeline;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging;
using CrmPlatform.Messaging.Wakeups;
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
            bus.AddConsumer<CompanyTargetsConsumer>(); // account owner, cadence, deleted or restored
            bus.AddConsumer<MemberChangedConsumer>();
        });
        builder.Services.AddScoped<TimelineWriter>();
        builder.Services.AddScoped<ContactStatsWriter>();
        builder.Services.AddScoped<VerdictAlarms>();
        builder.Services.AddCommitListener<VerdictSignal>();
        builder.Services.AddHostedService<VerdictWatcher>(); // verdicts that change as time passes
        builder.Services.AddScoped<Ingester>();
        return builder;
    }

    public static WebApplication MapInteractionsServices(this WebApplication app)
    {
        app.MapGrpcService<TimelineGrpcService>();
        app.MapGrpcService<ContactGrpcService>();
        app.MapGrpcService<IngestGrpcService>();
        app.MapInteractionIngest();
        return app;
    }
}
