using CrmPlatform.Profiles.Updates;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

public class UpdatableFieldsTests
{
    [Fact]
    public void Resolve_RefusesAPathThatIsNotAnUpdatableField()
    {
        var violations = new FieldViolations();

        Updatable.Company.Resolve(new FieldMask { Paths = { "name", "createTime" } }, new Proto.Company(), violations);

        Assert.Equal("update_mask", Assert.Single(violations.ToList()).Field);
    }

    [Fact]
    public void Resolve_TakesRestJsonNamesAsTheContractsSnakeCaseNames()
    {
        var violations = new FieldViolations();

        var mask = Updatable.Company.Resolve(new FieldMask { Paths = { "accountOwner" } }, new Proto.Company(), violations);

        Assert.True(violations.IsEmpty);
        Assert.Equal(["account_owner"], mask.Paths);
    }
}
