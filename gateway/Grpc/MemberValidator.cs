using System.Text.RegularExpressions;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Platform.V1;

namespace CrmPlatform.Gateway.Grpc;

internal static partial class MemberValidator
{
    public static readonly string[] UpdatablePaths = ["name", "email", "teams"];

    public const int MaxTeams = 50;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}\z")]
    private static partial Regex TeamName();

    // Deliberately loose: one @, something either side, no spaces. Whether it delivers is the mail server's call.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex Email();

    public static FieldViolations Validate(Proto.Member? member, IReadOnlyCollection<string> paths, FieldViolations violations)
    {
        if (member is null)
        {
            return violations.Add("member", "is required");
        }

        if (paths.Contains("name"))
        {
            violations.Required("member.name", member.Name).MaxLength("member.name", member.Name, 200);
        }

        if (paths.Contains("email"))
        {
            violations
                .Check(Email().IsMatch(member.Email), "member.email", "must be an email address")
                .MaxLength("member.email", member.Email, 320);
        }

        if (paths.Contains("teams"))
        {
            violations.Check(member.Teams.Count <= MaxTeams, "member.teams", $"must hold at most {MaxTeams} teams");
            for (var i = 0; i < member.Teams.Count; i++)
            {
                violations.Check(TeamName().IsMatch(member.Teams[i]), $"member.teams[{i}]",
                    "must be 1 to 40 lowercase letters, digits or dashes, not starting with a dash");
            }
        }

        return violations;
    }

    /// <returns>The fields an update changes: the mask's paths (JSON or proto names), or all of them.</returns>
    public static IReadOnlyList<string> UpdatePaths(FieldMask? mask, FieldViolations violations)
    {
        if (mask is not { Paths.Count: > 0 })
        {
            return UpdatablePaths;
        }

        var paths = mask.Paths.Distinct().ToList();
        foreach (var path in paths.Where(p => !UpdatablePaths.Contains(p)))
        {
            violations.Add("update_mask", $"\"{path}\" cannot be updated; use {string.Join(", ", UpdatablePaths)}");
        }

        return paths;
    }
}
