using CrmPlatform.Messaging;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.Import;
using CrmPlatform.Tenancy.Credentials;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTenantCredentialAuthentication();
        builder.AddGrpcDefaults();
        builder.AddTenantDbContext<ProfilesDbContext>("profilesdb");
        builder.AddMessaging<ProfilesDbContext>("profiles");
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CompanyImporter>();
        return builder;
    }
}
