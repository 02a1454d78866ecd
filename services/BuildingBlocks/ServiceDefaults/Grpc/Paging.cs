using System.Buffers.Text;

namespace CrmPlatform.ServiceDefaults.Grpc;

/// <summary>
/// Cursor paging over time-ordered (version 7) ids: the token is the last id of the page, so a
/// page costs an index seek however deep it is, and rows inserted meanwhile are not skipped.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>0 means the default; larger than the maximum is clamped, not refused.</summary>
    public static int PageSize(int requested, string field, FieldViolations violations)
    {
        if (requested < 0)
        {
            violations.Add(field, "must not be negative");
        }

        return requested <= 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    /// <returns>The id to continue after, or null for the first page.</returns>
    public static Guid? After(string? pageToken, string field, FieldViolations violations)
    {
        if (string.IsNullOrEmpty(pageToken))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        // TryDecodeFromChars throws on characters outside the alphabet, so check first.
        if (Base64Url.IsValid(pageToken, out var length) && length == 16
            && Base64Url.TryDecodeFromChars(pageToken, bytes, out var written) && written == 16)
        {
            return new Guid(bytes, bigEndian: true);
        }

        violations.Add(field, "is not a page token this service issued");
        return null;
    }

    private static string NextPageToken(Guid lastId)
    {
        Span<byte> bytes = stackalloc byte[16];
        lastId.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Trims a query result fetched with one row more than <paramref name="pageSize"/> (the extra
    /// row says whether another page follows, without a count) and returns the next page token.
    /// </summary>
    public static string TakePage<T>(List<T> rows, int pageSize, Func<T, Guid> idOf)
    {
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveRange(pageSize, rows.Count - pageSize);
        }

        return more ? NextPageToken(idOf(rows[^1])) : "";
    }
}
