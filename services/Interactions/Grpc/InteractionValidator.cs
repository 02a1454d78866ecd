using CrmPlatform.GrpcConventions;
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
            .MaxLength("interaction.subject", interaction.Subject, Data.Interaction.MaxSubjectLength)
            .MaxLength("interaction.body", interaction.Body, Data.Interaction.MaxBodyLength)
            .MaxLength("interaction.author", interaction.Author, Data.Interaction.MaxAuthorLength);

        if (interaction.OccurTime is { } occurTime)
        {
            violations.Check(
                Timestamps.IsValid(occurTime) && occurTime.ToDateTimeOffset() <= now + MaxFuture,
                "interaction.occur_time",
                "must be a valid time at most a year ahead");
        }

        return violations;
    }
}
