using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.GrpcConventions;

/// <summary>What a google.protobuf.Timestamp may hold: 0001-01-01 to 9999-12-31, nanos within one second.</summary>
public static class Timestamps
{
    public const long FirstSecond = -62_135_596_800;

    public const long LastSecond = 253_402_300_799;

    /// <summary>
    /// Whether <paramref name="timestamp"/> converts to a .NET time; converting one that does not
    /// throws, which would answer a client's bad input as an internal error.
    /// </summary>
    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= FirstSecond and <= LastSecond && timestamp.Nanos is >= 0 and < 1_000_000_000;
}
