using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.People;

internal static class PersonMapper
{
    public static Proto.Person ToProto(this Person person) => new()
    {
        Id = person.Id.ToString(),
        CompanyId = person.CompanyId.ToString(),
        GivenName = person.GivenName,
        FamilyName = person.FamilyName ?? "",
        Title = person.Title ?? "",
        Department = person.Department ?? "",
        Roles = { ProtoJson.ParseList<Proto.RoleHolding>(person.RolesJson) },
        ReportsToId = person.ReportsToId?.ToString() ?? "",
        Emails = { person.Emails },
        Phones = { person.Phones },
        Birthday = person.Birthday?.ToDate(),
        PreferredChannel = System.Enum.TryParse<Proto.Channel>(person.PreferredChannel, out var channel) ? channel : Proto.Channel.Unspecified,
        SocialProfiles = { ProtoJson.ParseList<Proto.SocialProfile>(person.SocialProfilesJson) },
        Notes = person.Notes ?? "",
        LeftDate = person.LeftOn?.ToDate(),
        Etag = person.Etag,
        CreateTime = Timestamp.FromDateTimeOffset(person.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(person.UpdatedAt),
    };

    /// <summary>Every client-owned field from a validated person, normalised as stored.</summary>
    public static void CopyFrom(this Person person, Proto.Person proto, DateOnly today)
    {
        person.GivenName = proto.GivenName.Trim();
        person.FamilyName = Blank(proto.FamilyName);
        person.Title = Blank(proto.Title);
        person.Department = Blank(proto.Department);
        person.RolesJson = ProtoJson.FormatList(proto.Roles) ?? "[]";
        person.CurrentRoles = CurrentRoles(proto, today);
        person.ReportsToId = Guid.TryParse(proto.ReportsToId, out var boss) ? boss : null;
        person.Emails = proto.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        person.Phones = proto.Phones.Select(p => p.Trim()).Distinct().ToList();
        person.Birthday = proto.Birthday?.ToDateOnly();
        person.PreferredChannel = proto.PreferredChannel == Proto.Channel.Unspecified ? null : proto.PreferredChannel.ToString();
        person.SocialProfilesJson = ProtoJson.FormatList(proto.SocialProfiles) ?? "[]";
        person.Notes = Blank(proto.Notes);
    }

    /// <summary>Roles held on <paramref name="today"/>, as "key_officer"-style names.</summary>
    public static List<string> CurrentRoles(Proto.Person person, DateOnly today) =>
        person.LeftDate is not null && person.LeftDate.ToDateOnly() <= today
            ? []
            : person.Roles
                .Where(r => r.StartDate is null || r.StartDate.ToDateOnly() <= today)
                .Where(r => r.EndDate is null || r.EndDate.ToDateOnly() > today)
                .Select(r => RoleName(r.Role))
                .Distinct()
                .ToList();

    public static string RoleName(Proto.PersonRole role) => role switch
    {
        Proto.PersonRole.KeyOfficer => "key_officer",
        Proto.PersonRole.DecisionMaker => "decision_maker",
        Proto.PersonRole.Influencer => "influencer",
        Proto.PersonRole.MainContact => "main_contact",
        _ => "unspecified",
    };

    public static PersonSnapshot ToSnapshot(this Person person) =>
        new(person.GivenName, person.FamilyName, person.Title, person.CurrentRoles, person.Emails, person.Birthday, person.PreferredChannel);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
