using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.People;

internal static class PersonValidator
{
    /// <summary>Every problem of a person, with field paths under <paramref name="prefix"/>.</summary>
    public static FieldViolations Validate(Proto.Person? person, string prefix, FieldViolations violations, DateOnly today)
    {
        if (person is null)
        {
            return violations.Add(prefix, "is required");
        }

        violations
            .Required($"{prefix}.given_name", person.GivenName)
            .MaxLength($"{prefix}.given_name", person.GivenName, 100)
            .MaxLength($"{prefix}.family_name", person.FamilyName, 100)
            .MaxLength($"{prefix}.title", person.Title, 200)
            .MaxLength($"{prefix}.department", person.Department, 200)
            .MaxLength($"{prefix}.notes", person.Notes, 4000)
            .Check(Enum.IsDefined(person.PreferredChannel), $"{prefix}.preferred_channel", "is not a known channel")
            .Check(person.Roles.Count <= 50, $"{prefix}.roles", "must have at most 50 entries")
            .Check(person.Emails.Count <= 10, $"{prefix}.emails", "must have at most 10 addresses")
            .Check(person.Phones.Count <= 10, $"{prefix}.phones", "must have at most 10 numbers")
            .Check(person.SocialProfiles.Count <= 10, $"{prefix}.social_profiles", "must have at most 10 profiles");

        if (person.ReportsToId.Length > 0)
        {
            ResourceId.Parse(person.ReportsToId, $"{prefix}.reports_to_id", violations);
            violations.Check(person.ReportsToId != person.Id, $"{prefix}.reports_to_id", "must not be the person themself");
        }

        for (var i = 0; i < person.Emails.Count; i++)
        {
            violations.Check(person.Emails[i].Length <= 320 && CompanyValidator.IsEmail(person.Emails[i]), $"{prefix}.emails[{i}]", "must be an email address");
        }

        for (var i = 0; i < person.Phones.Count; i++)
        {
            violations.Check(person.Phones[i].Length <= 40 && CompanyValidator.IsPhone(person.Phones[i]), $"{prefix}.phones[{i}]", "must be a phone number: digits, spaces, +, -, ( and )");
        }

        if (violations.Date($"{prefix}.birthday", person.Birthday) > today)
        {
            violations.Add($"{prefix}.birthday", "must not be in the future");
        }

        for (var i = 0; i < person.Roles.Count; i++)
        {
            var role = person.Roles[i];
            violations.Check(role.Role != Proto.PersonRole.Unspecified && Enum.IsDefined(role.Role), $"{prefix}.roles[{i}].role", "must be a known role");
            var from = violations.Date($"{prefix}.roles[{i}].start_date", role.StartDate);
            var to = violations.Date($"{prefix}.roles[{i}].end_date", role.EndDate);
            violations.Check(from is null || to is null || to >= from, $"{prefix}.roles[{i}].end_date", "must not be before the start date");
        }

        for (var i = 0; i < person.SocialProfiles.Count; i++)
        {
            var profile = person.SocialProfiles[i];
            violations
                .Required($"{prefix}.social_profiles[{i}].network", profile.Network)
                .MaxLength($"{prefix}.social_profiles[{i}].network", profile.Network, 50)
                .Check(profile.Url.Length <= 500 && CompanyValidator.IsWebUrl(profile.Url), $"{prefix}.social_profiles[{i}].url", "must be an http or https URL");
        }

        return violations;
    }
}
