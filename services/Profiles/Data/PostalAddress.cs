namespace CrmPlatform.Profiles.Data;

public sealed class PostalAddress
{
    public List<string> Lines { get; set; } = [];

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? CountryCode { get; set; }
}
