using System.ComponentModel.DataAnnotations;

namespace CrmPlatform.Tenancy.Credentials;

/// <summary>
/// The key the gateway signs internal credentials with and the services verify them with.
/// Bound from the "InternalCredential" section; the AppHost injects one random key per run.
/// </summary>
public sealed class InternalCredentialOptions
{
    public const string Section = "InternalCredential";

    /// <summary>Base64 of at least 32 random bytes.</summary>
    [Required, MinLength(44)]
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "crm-gateway";

    public string Audience { get; set; } = "crm-services";

    /// <summary>Short, because a credential is minted per request and must not be replayable for long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(2);
}
