using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.KnownCompanies;

/// <summary>
/// Someone at a company, as Profiles announced them: enough to name and reach them without calling
/// Profiles. Every field but the ids may still be unknown, as the person's leaving can arrive
/// before their joining.
/// </summary>
public sealed class KnownPerson : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>
    /// The company Profiles last placed the person at. A merge moves people without announcing each:
    /// <see cref="KnownCompanyLookups.CurrentCompany"/> gives the survivor.
    /// </summary>
    public Guid CompanyId { get; set; }

    /// <summary>Given and family name; null until a snapshot of the person is in.</summary>
    public string? DisplayName { get; set; }

    public List<string> Emails { get; set; } = [];

    public DateOnly? LeftOn { get; set; }

    /// <summary>When the snapshot the name and emails came from was taken in Profiles.</summary>
    public DateTimeOffset? SnapshotAt { get; set; }

    /// <summary>Takes in a snapshot taken at <paramref name="at"/>, unless a newer one is already in.</summary>
    public void Snapshot(Guid companyId, PersonSnapshot person, DateTimeOffset at)
    {
        if (SnapshotAt is { } newer && at < newer)
        {
            return;
        }

        CompanyId = companyId;
        DisplayName = DisplayNameOf(person);
        Emails = EmailsOf(person);
        SnapshotAt = at;
    }

    /// <summary>"Given Family", or the given name alone; blanks and stray spaces dropped.</summary>
    public static string DisplayNameOf(PersonSnapshot person) =>
        string.Join(' ', new[] { person.GivenName, person.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));

    /// <summary>The snapshot's addresses, blanks dropped and each once whatever its case; none when it carries none.</summary>
    public static List<string> EmailsOf(PersonSnapshot person) =>
        (person.Emails ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
