using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Updates;

/// <summary>The opening every update shares, so each RPC goes on to validate and save only.</summary>
internal static class Edits
{
    /// <summary>
    /// Checks the request (resource present, id, mask) with every violation at once, finds the row
    /// (another tenant's is NotFound), refuses it if <paramref name="checkLive"/> does, refuses a
    /// stale etag, and applies the mask to the stored version.
    /// </summary>
    public static async Task<Edit<TRow, TProto>> Open<TRow, TProto>(
        this UpdatableFields<TProto> updatable, string kind, string field, TProto? requested, FieldMask? mask,
        IQueryable<TRow> rows, Func<TRow, TProto> toProto, CancellationToken cancellationToken, Action<TRow, string>? checkLive = null)
        where TRow : class, IVersioned
        where TProto : class, IMessage<TProto>, new()
    {
        var violations = new FieldViolations();
        if (requested is null)
        {
            violations.Add(field, "is required").ThrowIfAny();
        }

        var requestedId = (string)requested!.Descriptor.FindFieldByName("id").Accessor.GetValue(requested);
        var etag = (string)requested.Descriptor.FindFieldByName("etag").Accessor.GetValue(requested);
        var id = ResourceId.Parse(requestedId, $"{field}.id", violations);
        var paths = updatable.Resolve(mask, requested, violations);
        violations.ThrowIfAny();

        var row = await rows.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException(kind, requestedId);
        checkLive?.Invoke(row, requestedId);
        Updatable.CheckEtag(kind, requestedId, etag, row.Etag);

        var before = toProto(row);
        return new Edit<TRow, TProto>(row, before, UpdatableFields<TProto>.Apply(paths, requested, before));
    }
}
