namespace CrmPlatform.Profiles.Data;

/// <summary>Stored by name; the numbers match crm.profiles.v1.CustomFieldType.</summary>
public enum CustomFieldType
{
    Unspecified = 0,
    Text = 1,
    Number = 2,
    Bool = 3,
    Date = 4,
}
