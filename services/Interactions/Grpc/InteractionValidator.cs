using CrmPlatform.ServiceDefaults.Grpc;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Grpc;

internal static class InteractionValidator
{
    /// <summary>How far ahead an interaction may be dated: a scheduled meeting, not a typo in the year.</summary>
    private static readonly TimeSpan MaxFuture = TimeSpan.FromDays(366);

    public static FieldViolations Validate(Proto.Interaction? interaction, DateTimeOffset now, FieldViolations violations)
    {
        if (interaction is null)
        {
            return violations.Add("interaction", "is required");
        }

        violations
            .Check(interaction.Kind != Proto.InteractionKind.Unspecified && Enum.IsDefined(interaction.Kind), "interaction.kind", "must be NOTE, CALL, MEETING or EMAIL")
            .Check(!string.IsNullOrWhiteSpace(interaction.Subject) || !string.IsNullOrWhiteSpace(interaction.Body), "interaction.body", "a subject or a body is required")
            .MaxLength("interaction.subject", interaction.Subject, 300)
            .MaxLength("interaction.body", interaction.Body, 20_000)
            .MaxLength("interaction.author", interaction.Author, 200);

        if (interaction.OccurTime is { } occurTime)
        {
            violations.Check(
                occurTime.Seconds is >= -62135596800 and <= 253402300799 && occurTime.ToDateTimeOffset() <= now + MaxFuture,
                "interaction.occur_time",
                "must be a valid time at most a year ahead");
        }

        return violations;
    }
}
