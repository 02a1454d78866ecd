using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Credentials;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Options;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Page tokens (AIP-158) in one format for every list: opaque, signed, and honoured only for the
/// tenant and the query they were issued for, so a token cannot be forged, edited, or replayed
/// against another tenant's or another filter's list. Changing page_size between pages is allowed.
/// </summary>
public sealed class PageTokens
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    private const byte Version = 1;
    private const int CursorLength = 24;
    private const int MacLength = 16;
    private const int TokenLength = 1 + CursorLength + MacLength;

    private readonly byte[] key;
    private readonly ITenantContextAccessor? tenants;

    /// <summary>The key is derived from the internal credential's, which every service and the gateway already hold.</summary>
    public PageTokens(IOptions<InternalCredentialOptions> credential, ITenantContextAccessor? tenants = null)
        : this(DeriveKey(credential.Value.SigningKey), tenants)
    {
    }

    private PageTokens(byte[] key, ITenantContextAccessor? tenants)
    {
        this.key = key;
        this.tenants = tenants;
    }

    public static PageTokens WithKey(byte[] key, ITenantContextAccessor? tenants = null) => new(key, tenants);

    /// <summary>
    /// Reads a list request's page_size (0 means the default; above the maximum is clamped, not
    /// refused) and page_token. Any violation is added to <paramref name="violations"/>.
    /// </summary>
    public PageRequest Read(IMessage request, FieldViolations violations)
    {
        var (sizeField, tokenField) = PageFields(request.Descriptor);
        var requested = (int)sizeField.Accessor.GetValue(request);
        if (requested < 0)
        {
            violations.Add(sizeField.Name, "must not be negative");
        }

        var size = requested <= 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
        var binding = Binding(request, sizeField, tokenField);
        var token = (string)tokenField.Accessor.GetValue(request);
        PageCursor? after = null;
        if (token.Length > 0)
        {
            after = Open(token, binding);
            if (after is null)
            {
                violations.Add(tokenField.Name, "is not a page token issued for this list with these filters");
            }
        }

        return new PageRequest(size, after, cursor => Mint(cursor, binding));
    }

    private string Mint(PageCursor cursor, byte[] binding)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = Version;
        WriteCursor(cursor, token.Slice(1, CursorLength));
        Sign(token[..(1 + CursorLength)], binding, token[(1 + CursorLength)..]);
        return Base64Url.EncodeToString(token);
    }

    private PageCursor? Open(string text, byte[] binding)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        // TryDecodeFromChars throws on characters outside the alphabet, so check first.
        if (!Base64Url.IsValid(text, out var length) || length != TokenLength
            || !Base64Url.TryDecodeFromChars(text, token, out var written) || written != TokenLength || token[0] != Version)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(token[..(1 + CursorLength)], binding, expected);
        return CryptographicOperations.FixedTimeEquals(expected, token[(1 + CursorLength)..])
            ? new PageCursor(new Guid(token.Slice(1, 16), bigEndian: true), BinaryPrimitives.ReadInt64BigEndian(token.Slice(17, 8)))
            : null;
    }

    private void Sign(ReadOnlySpan<byte> content, byte[] binding, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(content);
        hmac.AppendData(binding);
        Span<byte> full = stackalloc byte[32];
        hmac.GetHashAndReset(full);
        full[..MacLength].CopyTo(mac);
    }

    /// <summary>The tenant and the query: the request's type and every field but the page's own.</summary>
    private byte[] Binding(IMessage request, FieldDescriptor sizeField, FieldDescriptor tokenField)
    {
        var query = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        sizeField.Accessor.Clear(query);
        tokenField.Accessor.Clear(query);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{tenants?.Tenant?.Id.ToString() ?? "platform"}\n{request.Descriptor.FullName}\n"));
        hash.AppendData(query.ToByteArray());
        return hash.GetHashAndReset();
    }

    private static void WriteCursor(PageCursor cursor, Span<byte> bytes)
    {
        cursor.Id.TryWriteBytes(bytes[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes[16..], cursor.Order);
    }

    private static (FieldDescriptor Size, FieldDescriptor Token) PageFields(MessageDescriptor message) =>
        (message.FindFieldByName("page_size") ?? throw new ArgumentException($"{message.FullName} has no page_size."),
            message.FindFieldByName("page_token") ?? throw new ArgumentException($"{message.FullName} has no page_token."));

    private static byte[] DeriveKey(string signingKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(signingKey), 32, info: "crm-platform page tokens"u8.ToArray());
}
