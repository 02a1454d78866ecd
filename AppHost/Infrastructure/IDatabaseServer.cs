namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>A PostgreSQL server the platform's databases live on: a private process here, a container in Docker-backed tests.</summary>
public interface IDatabaseServer : IAsyncDisposable
{
    /// <summary>Connection string of a superuser, to <paramref name="database"/>.</summary>
    string SuperuserConnectionString(string database = "postgres");

    Task StartAsync(CancellationToken cancellationToken = default);

    Task StopAsync();
}
