using System.Security.Cryptography;
using CrmPlatform.Profiles.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>
/// One keyed request (AIP-155 request_id): a retry with the same key and the same request gets
/// the original result; the same key with a different request is refused. The record commits
/// with the resource it created, so there is never a record without a resource or the reverse.
/// </summary>
internal sealed class Idempotency
{
    private readonly string operation;
    private readonly string key;
    private readonly byte[] requestHash;

    private Idempotency(string operation, string key, byte[] requestHash)
    {
        this.operation = operation;
        this.key = key;
        this.requestHash = requestHash;
    }

    public bool IsKeyed => key.Length > 0;

    public static Idempotency For(string operation, string key, IMessage request) =>
        new(operation, key.Trim(), key.Length == 0 ? [] : SHA256.HashData(request.ToByteArray()));

    /// <returns>The id the first request with this key created, or null when this is the first.</returns>
    public async Task<Guid?> Replay(ProfilesDbContext db, CancellationToken cancellationToken)
    {
        if (!IsKeyed)
        {
            return null;
        }

        var record = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Operation == operation && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(record.RequestHash, requestHash))
        {
            new FieldViolations().Add("request_id", "was already used for a different request").ThrowIfAny();
        }

        return record.ResourceId;
    }

    public void Record(ProfilesDbContext db, Guid resourceId, DateTimeOffset at)
    {
        if (IsKeyed)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { Operation = operation, Key = key, RequestHash = requestHash, ResourceId = resourceId, CreatedAt = at });
        }
    }
}
