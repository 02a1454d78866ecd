using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>Reads the shared error shape as a client does: google.rpc.Status JSON over REST, status details over gRPC.</summary>
public static class ErrorBodies
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    /// <summary>Parses strictly: a body that is anything but a Status fails the test.</summary>
    public static Google.Rpc.Status Status(string json) => Parser.Parse<Google.Rpc.Status>(json);

    public static T Detail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new() =>
        status.Details.Single(d => d.Is(new T().Descriptor)).Unpack<T>();

    public static string CorrelationId(this Google.Rpc.Status status) => status.Detail<RequestInfo>().RequestId;

    public static Google.Rpc.Status Status(RpcException error) =>
        error.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException($"{error.StatusCode} came without status details: {error.Status.Detail}");

    /// <summary>Everything a client saw of an error, headers included, to search for what must not be there.</summary>
    public static string Everything(RpcException error) =>
        string.Join("\n", error.Trailers.Select(t => $"{t.Key}: {(t.IsBinary ? Convert.ToBase64String(t.ValueBytes) + " " + System.Text.Encoding.UTF8.GetString(t.ValueBytes) : t.Value)}"))
        + "\n" + error.Status.Detail;

    /// <summary>What must never reach a client: a stack frame, SQL, a service's address, request headers, the internal credential.</summary>
    public static void AssertNoInternals(string seen, Uri service)
    {
        Assert.DoesNotContain("   at ", seen);
        Assert.DoesNotContain(InjectedFault.DatabaseMessage, seen);
        Assert.DoesNotContain("SELECT", seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", seen, StringComparison.Ordinal);
        Assert.DoesNotContain($"{service.Host}:{service.Port}", seen);
        Assert.DoesNotContain("x-api-key", seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorization", seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bearer", seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", seen, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Waits until <paramref name="process"/>'s captured log has a line naming <paramref name="correlationId"/>.</summary>
    public static Task AssertLogged(string process, string correlationId) =>
        Eventually.True(async () =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, "platform-logs", $"{process}.log");
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(file);
            return (await reader.ReadToEndAsync()).Contains(correlationId, StringComparison.Ordinal);
        }, $"{process}'s log to name correlation id {correlationId}", TimeSpan.FromSeconds(10));
}
