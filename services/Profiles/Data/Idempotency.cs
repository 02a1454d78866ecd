using System.Security.Cryptography;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// One keyed request (AIP-155 request_id): a retry with the same key and the same request gets
/// the original result; the same key with a different request is refused. The record commits
/// with the resource it created, so there is never a record without a resource or the reverse.
/// A request is known by the SHA-256 of its content: a message's bytes, or a streamed import's
/// rows hashed as they arrive.
/// </summary>
internal sealed class Idempotency
{
    private readonly string operation;
    private readonly string key;

    private Idempotency(string operation, string key)
    {
        this.operation = operation;
        this.key = key;
    }

    public bool IsKeyed => key.Length > 0;

    public static Idempotency For(string operation, string key) => new(operation, key.Trim());

    public static byte[] Hash(IMessage request) => SHA256.HashData(request.ToByteArray());

    /// <summary>The record of the first request with this key, or null when this is the first (or unkeyed).</summary>
    public async Task<IdempotencyRecord?> Earlier(ProfilesDbContext db, CancellationToken cancellationToken) =>
        IsKeyed
            ? await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Operation == operation && r.Key == key, cancellationToken)
            : null;

    /// <summary>Refuses a retry whose request differs from the first one with this key.</summary>
    public static void CheckSame(IdempotencyRecord earlier, byte[] requestHash)
    {
        if (!CryptographicOperations.FixedTimeEquals(earlier.RequestHash, requestHash))
        {
            new FieldViolations().Add("request_id", "was already used for a different request").ThrowIfAny();
        }
    }

    /// <returns>The id the first request with this key created, or null when this is the first.</returns>
    public async Task<Guid?> Replay(ProfilesDbContext db, byte[] requestHash, CancellationToken cancellationToken)
    {
        if (await Earlier(db, cancellationToken) is not { } earlier)
        {
            return null;
        }

        CheckSame(earlier, requestHash);
        return earlier.ResourceId;
    }

    public void Record(ProfilesDbContext db, Guid resourceId, byte[] requestHash, DateTimeOffset at)
    {
        if (IsKeyed)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { Operation = operation, Key = key, RequestHash = requestHash, ResourceId = resourceId, CreatedAt = at });
        }
    }
}
