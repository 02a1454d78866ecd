namespace CrmPlatform.IntegrationTests.Support;

/// <summary>A co-worker of a tenant and the client their own key makes: everything it writes is theirs.</summary>
public sealed record Member(string Id, string Name, string Email, TenantClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
