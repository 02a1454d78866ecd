namespace CrmPlatform.GrpcConventions;

/// <summary>Update-mask paths as clients send them: REST clients write JSON names (<c>accountOwner</c>), the contracts' are snake_case.</summary>
public static class MaskPaths
{
    /// <summary><c>task.dueTime</c> → <c>task.due_time</c>; a path already in snake_case is left as it is.</summary>
    public static string SnakeCase(string path) =>
        string.Concat(path.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
