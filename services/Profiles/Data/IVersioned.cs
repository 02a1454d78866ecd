namespace CrmPlatform.Profiles.Data;

/// <summary>A row a client updates by id, from the version (etag) it last read.</summary>
public interface IVersioned
{
    Guid Id { get; }

    string Etag { get; }
}
