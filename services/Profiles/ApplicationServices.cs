using CrmPlatform.Messaging;
using CrmPlatform.Profiles.Bulk;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.CustomFields;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.Duplicates;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Merges;
using CrmPlatform.Profiles.People;
using CrmPlatform.Profiles.Projects;
using CrmPlatform.Profiles.Review;
using CrmPlatform.Profiles.Search;
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

        // What several features share, one request at a time (each holds the request's DbContext).
        builder.Services.AddScoped<LiveCompanies>();
        builder.Services.AddScoped<CompanyChecks>();
        builder.Services.AddScoped<CompanyReplies>();
        builder.Services.AddScoped<PastVersions>();
        builder.Services.AddScoped<KeyOfficers>();
        builder.Services.AddSingleton<Actors>();
        builder.Services.AddScoped<CompanyImporter>();
        return builder;
    }

    /// <summary>crm.profiles.v1, one service per resource, and the REST import gRPC transcoding cannot stream.</summary>
    public static WebApplication MapProfilesServices(this WebApplication app)
    {
        app.MapGrpcService<CompaniesGrpcService>();
        app.MapGrpcService<PeopleGrpcService>();
        app.MapGrpcService<ProjectsGrpcService>();
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<HistoryGrpcService>();
        app.MapGrpcService<ReviewGrpcService>();
        app.MapGrpcService<CustomFieldsGrpcService>();
        app.MapGrpcService<DuplicatesGrpcService>();
        app.MapGrpcService<MergesGrpcService>();
        app.MapGrpcService<BulkGrpcService>();
        app.MapCompanyImport();
        return app;
    }
}
