namespace CrmPlatform.Profiles.Updates;

/// <summary>An update under way: the tracked row, the resource as stored, and as the request would leave it.</summary>
internal sealed record Edit<TRow, TProto>(TRow Row, TProto Before, TProto After);
