using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// The shape of an API key: <c>crm_{prefix}_{secret}</c>. The prefix (8 hex characters) finds
/// the key and is safe to show; the secret (32 random bytes) is checked against a SHA-256 hash,
/// which is enough for a high-entropy secret and fast enough for every request.
/// </summary>
public static class ApiKeySecret
{
    private const string Scheme = "crm";

    public static (string Prefix, string Secret) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return (prefix, $"{Scheme}_{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}");
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <returns>The prefix of a well-formed key, or null.</returns>
    public static string? PrefixOf(string candidate)
    {
        var parts = candidate.Split('_');
        return parts is [Scheme, { Length: 8 } prefix, { Length: 64 } secret] && prefix.All(char.IsAsciiHexDigitLower) && secret.All(char.IsAsciiHexDigitLower)
            ? prefix
            : null;
    }

    public static bool Matches(string candidate, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(candidate), storedHash);
}
