using CrmPlatform.Gateway.Grpc;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Platform.V1;

namespace CrmPlatform.Gateway.Tests;

public class AdminValidatorLimitsTests
{
    [Fact]
    public void ValidateLimits_WithAnEmptyMask_ChangesAllThree()
    {
        var paths = AdminValidator.ValidateLimits(new Proto.TenantLimits { RequestsPerSecond = 5, Burst = 10, ConcurrentBulkOperations = 1 }, null, new FieldViolations());

        Assert.Equal(AdminValidator.LimitPaths, paths);
    }

    [Fact]
    public void ValidateLimits_NamesANegativeFigure()
    {
        var violations = new FieldViolations();

        AdminValidator.ValidateLimits(new Proto.TenantLimits { Burst = -1 }, new FieldMask { Paths = { "burst" } }, violations);

        Assert.Equal("limits.burst", Assert.Single(violations.ToList()).Field);
    }

    [Fact]
    public void ValidateLimits_NamesAFigureAboveTheMaximum()
    {
        var violations = new FieldViolations();

        AdminValidator.ValidateLimits(new Proto.TenantLimits { RequestsPerSecond = 10_000_000 }, new FieldMask { Paths = { "requests_per_second" } }, violations);

        Assert.Equal("limits.requests_per_second", Assert.Single(violations.ToList()).Field);
    }

    [Fact]
    public void ValidateLimits_RefusesAnUnknownMaskPath()
    {
        var violations = new FieldViolations();

        AdminValidator.ValidateLimits(new Proto.TenantLimits(), new FieldMask { Paths = { "plan" } }, violations);

        Assert.Equal("update_mask", Assert.Single(violations.ToList()).Field);
    }

    [Fact]
    public void ValidateLimits_TakesJsonNamesInTheMask()
    {
        var paths = AdminValidator.ValidateLimits(new Proto.TenantLimits { Burst = 3 }, new FieldMask { Paths = { "concurrentBulkOperations", "burst" } }, new FieldViolations());

        Assert.Equal(["concurrent_bulk_operations", "burst"], paths);
    }

    [Fact]
    public void ValidateLimits_IgnoresFiguresOutsideTheMask()
    {
        var violations = new FieldViolations();

        AdminValidator.ValidateLimits(new Proto.TenantLimits { Burst = -5, RequestsPerSecond = 3 }, new FieldMask { Paths = { "requests_per_second" } }, violations);

        Assert.True(violations.IsEmpty);
    }
}
