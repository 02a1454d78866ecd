using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CrmPlatform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// Reads the caller's credential from <c>x-api-key</c> or <c>Authorization: Bearer</c>: the
/// operator key makes an operator, a valid tenant key a partner of that tenant. Anything else
/// presented fails; nothing presented is anonymous (and refused by every route's policy).
/// Refusals answer in the shared error shape with a reason (<see cref="AccessRefusal"/>).
/// </summary>
public sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OperatorOptions> operatorOptions,
    ApiKeyValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "crm";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (IsOperatorKey(presented))
        {
            return Success(new Claim(ClaimTypes.Role, CallerRoles.Operator), new Claim(ClaimTypes.Name, "operator"));
        }

        if (await validator.Validate(presented, Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired, or its tenant is suspended.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Role, CallerRoles.Partner),
            new(TenantClaims.TenantId, key.TenantId.ToString()),
            new(TenantClaims.KeyId, key.KeyId.ToString()),
            new(TenantClaims.Scope, string.Join(' ', key.Scopes)),
        ];
        return Success([.. claims, .. TenantClaims.ForMember(key.Member?.Id, key.Member?.Teams)]);
    }

    /// <summary>401 with a body that says why (no key, or a key that is not valid), in the shared error shape.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccessRefusal.WriteUnauthenticated(Context, keyPresented: Presented(Request) is not null);

    /// <summary>403 with a body that says why, in the shared error shape.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessRefusal.WriteForbidden(Context);

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("x-api-key", out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private bool IsOperatorKey(string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(operatorOptions.Value.ApiKey)));

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
