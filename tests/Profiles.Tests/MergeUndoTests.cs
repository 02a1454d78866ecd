using CrmPlatform.Profiles.Merges;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

public sealed class MergeUndoTests
{
    private static readonly Proto.Company FilledBefore = new();
    private static readonly Proto.Company FilledAfter = new() { Website = "https://acme.example", Phone = "+46 8 999" };

    [Fact]
    public void Restore_EmptiesAFieldTheMergeFilled()
    {
        var current = new Proto.Company { Name = "Acme", Website = "https://acme.example" };

        var restored = MergeUndo.Restore(current, ["website"], FilledBefore, FilledAfter);

        Assert.Equal("", restored.Website);
    }

    [Fact]
    public void Restore_KeepsAFilledFieldSomeoneChangedSinceTheMerge()
    {
        var current = new Proto.Company { Name = "Acme", Website = "https://acme.example", Phone = "+46 8 555" };

        var restored = MergeUndo.Restore(current, ["website", "phone"], FilledBefore, FilledAfter);

        Assert.Equal("+46 8 555", restored.Phone);
    }

    [Fact]
    public void Restore_LeavesFieldsTheMergeDidNotFill()
    {
        var current = new Proto.Company { Name = "Acme", Website = "https://acme.example", Email = "info@acme.example" };

        var restored = MergeUndo.Restore(current, ["website"], FilledBefore, FilledAfter);

        Assert.Equal("info@acme.example", restored.Email);
    }

    [Fact]
    public void Restore_PutsBackAValueTheSurvivorHadBefore()
    {
        var current = new Proto.Company { Name = "Acme", Industry = new Proto.Industry { Code = "541511" } };
        var before = new Proto.Company { Industry = new Proto.Industry { Code = "541511", Label = "" } };

        var restored = MergeUndo.Restore(current, ["industry"], new Proto.Company { Industry = new Proto.Industry { Code = "2410" } }, before);

        Assert.Equal("2410", restored.Industry.Code);
    }
}
