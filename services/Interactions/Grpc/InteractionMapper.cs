using CrmPlatform.Interactions.Data;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Grpc;

internal static class InteractionMapper
{
    public static Proto.Interaction ToProto(this Interaction interaction) => new()
    {
        Id = interaction.Id.ToString(),
        CompanyId = interaction.CompanyId.ToString(),
        Kind = (Proto.InteractionKind)interaction.Kind,
        Subject = interaction.Subject ?? "",
        Body = interaction.Body ?? "",
        OccurTime = Timestamp.FromDateTimeOffset(interaction.OccurredAt),
        Author = interaction.Author ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(interaction.CreatedAt),
    };

    public static Interaction ToNewInteraction(this Proto.Interaction proto, Guid companyId, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        Kind = (InteractionKind)proto.Kind,
        Subject = Blank(proto.Subject),
        Body = Blank(proto.Body),
        OccurredAt = proto.OccurTime?.ToDateTimeOffset() ?? now,
        Author = Blank(proto.Author),
        CreatedAt = now,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
