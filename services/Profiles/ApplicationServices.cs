using CrmPlatform.Messaging;
using CrmPlatform.Profiles.Data;
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
        return builder;
    }
}
