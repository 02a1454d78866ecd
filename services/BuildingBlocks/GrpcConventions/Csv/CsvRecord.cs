namespace CrmPlatform.GrpcConventions;

/// <summary>One CSV record: the line it starts on, its cells, and what makes it unreadable (null when nothing).</summary>
public sealed record CsvRecord(int Line, List<string> Cells, string? Problem);
