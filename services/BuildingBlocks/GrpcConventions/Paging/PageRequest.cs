namespace CrmPlatform.GrpcConventions;

/// <summary>One page asked for: how many rows, after which, and how to mint the token of the page that follows.</summary>
public sealed class PageRequest
{
    private readonly Func<PageCursor, string> mint;

    internal PageRequest(int size, PageCursor? after, Func<PageCursor, string> mint)
    {
        Size = size;
        After = after;
        this.mint = mint;
    }

    public int Size { get; }

    /// <summary>The cursor to continue after, or null for the first page.</summary>
    public PageCursor? After { get; }

    /// <summary>
    /// Trims rows fetched with one more than <see cref="Size"/> (the extra row says whether another
    /// page follows, without a count) and returns the next page token, or "" on the last page.
    /// </summary>
    public string Close<T>(List<T> rows, Func<T, PageCursor> cursorOf)
    {
        if (rows.Count <= Size)
        {
            return "";
        }

        rows.RemoveRange(Size, rows.Count - Size);
        return mint(cursorOf(rows[^1]));
    }
}
