using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.GrpcConventions;

public static class PagingQueries
{
    /// <summary>One page of an ordered query (already filtered past the cursor) and the token of the next.</summary>
    public static async Task<(List<T> Rows, string NextPageToken)> ToPageAsync<T>(
        this IQueryable<T> ordered, PageRequest page, Func<T, PageCursor> cursorOf, CancellationToken cancellationToken)
    {
        var rows = await ordered.Take(page.Size + 1).ToListAsync(cancellationToken);
        return (rows, page.Close(rows, cursorOf));
    }
}
