using System.Reflection;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>Where this checkout is and how it was built, stamped in at build time so tests and the AppHost find the services' output alike.</summary>
public static class BuildInfo
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
