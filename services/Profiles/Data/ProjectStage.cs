namespace CrmPlatform.Profiles.Data;

/// <summary>Stored by name; the numbers match crm.profiles.v1.ProjectStage.</summary>
public enum ProjectStage
{
    Unspecified = 0,
    Planning = 1,
    Proposed = 2,
    Won = 3,
    Lost = 4,
    Stalled = 5,
    Delivered = 6,
}
