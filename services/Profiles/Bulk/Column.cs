using NpgsqlTypes;

namespace CrmPlatform.Profiles.Bulk;

/// <summary>One column of a binary COPY: its name, its PostgreSQL type and where its value comes from.</summary>
internal sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);
