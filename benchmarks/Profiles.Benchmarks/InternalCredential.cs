using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// What the gateway adds to every call it forwards: a short-lived HS256 token naming the tenant
/// (services/BuildingBlocks/Tenancy/Credentials). Minting one lets us call Profiles directly and
/// see what the gateway costs. The AppHost draws a random signing key per run and hands it only
/// to its processes, so we read it where the service itself reads it: its environment.
/// </summary>
public sealed class InternalCredential(byte[] signingKey, string tenantId, string keyId)
{
    public static InternalCredential For(ServiceProcess service, string tenantId, string keyId)
    {
        var pid = service.ProcessId ?? throw new InvalidOperationException($"{service.Name} is not running.");
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        var key = environment.Single(v => v.StartsWith("InternalCredential__SigningKey=", StringComparison.Ordinal)).Split('=', 2)[1];
        return new InternalCredential(Convert.FromBase64String(key), tenantId, keyId);
    }

    /// <summary>A fresh token, as the gateway mints one per request (they live two minutes).</summary>
    public string Mint()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT", kid = "internal" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "crm-gateway", ["aud"] = "crm-services", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 120,
            ["tenant_id"] = tenantId, ["key_id"] = keyId, ["scope"] = "crm.read crm.write",
        }));
        var signature = Encode(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
