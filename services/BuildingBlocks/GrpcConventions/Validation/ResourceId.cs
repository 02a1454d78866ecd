namespace CrmPlatform.GrpcConventions;

public static class ResourceId
{
    /// <summary>Reads a resource id from a request field; a malformed id is a violation of that field.</summary>
    public static Guid Parse(string? value, string field, FieldViolations violations)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        violations.Add(field, string.IsNullOrWhiteSpace(value) ? "is required" : "must be a UUID");
        return Guid.Empty;
    }

    /// <summary>For a single id: invalid means InvalidArgument at once.</summary>
    public static Guid Parse(string? value, string field)
    {
        var violations = new FieldViolations();
        var id = Parse(value, field, violations);
        violations.ThrowIfAny();
        return id;
    }
}
