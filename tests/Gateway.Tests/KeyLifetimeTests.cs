using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Grpc;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Gateway.Tests;

public class KeyLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeyExpiringSoonerThanTheCachePeriod_IsCachedOnlyUntilItExpires()
    {
        var key = new ApiKeyIdentity(Guid.NewGuid(), Guid.NewGuid(), ["crm.read"], Now.AddSeconds(1));

        Assert.Equal(Now.AddSeconds(1), ApiKeyValidator.CachedUntil(key, Now));
    }

    [Fact]
    public void KeyWithoutExpiry_IsCachedForTheCachePeriod()
    {
        var key = new ApiKeyIdentity(Guid.NewGuid(), Guid.NewGuid(), ["crm.read"]);

        Assert.True(ApiKeyValidator.CachedUntil(key, Now) > Now);
    }

    [Fact]
    public void Rotation_WithoutAnExpiry_KeepsTheOldKeyForADay()
    {
        var violations = new FieldViolations();

        Assert.Equal(Now.AddHours(24), AdminValidator.RotationExpiry(null, Now, violations));
        Assert.True(violations.IsEmpty);
    }

    [Fact]
    public void Rotation_ExpiringInThePast_IsRefused()
    {
        var violations = new FieldViolations();

        AdminValidator.RotationExpiry(Timestamp.FromDateTimeOffset(Now.AddMinutes(-1)), Now, violations);

        Assert.False(violations.IsEmpty);
    }

    [Fact]
    public void Rotation_ExpiringPastThirtyDays_IsRefused()
    {
        var violations = new FieldViolations();

        AdminValidator.RotationExpiry(Timestamp.FromDateTimeOffset(Now.AddDays(31)), Now, violations);

        Assert.False(violations.IsEmpty);
    }

    [Fact]
    public void Rotation_ExpiringInSeconds_IsAccepted()
    {
        var violations = new FieldViolations();

        Assert.Equal(Now.AddSeconds(3), AdminValidator.RotationExpiry(Timestamp.FromDateTimeOffset(Now.AddSeconds(3)), Now, violations));
        Assert.True(violations.IsEmpty);
    }
}
