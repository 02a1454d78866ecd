using CrmPlatform.Profiles.Merges;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

public sealed class MergeFillTests
{
    [Fact]
    public void Fill_TakesAFieldTheSurvivorLacks()
    {
        var filled = MergeFill.Fill(new Proto.Company { Name = "Acme" }, new Proto.Company { Name = "ACME AB", Website = "https://acme.example" });

        Assert.Equal("https://acme.example", filled.Website);
    }

    [Fact]
    public void Fill_KeepsTheSurvivorsOwnValue()
    {
        var filled = MergeFill.Fill(new Proto.Company { Name = "Acme", Phone = "+46 8 123" }, new Proto.Company { Name = "ACME AB", Phone = "+46 8 999" });

        Assert.Equal("+46 8 123", filled.Phone);
    }

    [Fact]
    public void Fill_NeverTakesTheName()
    {
        var filled = MergeFill.Fill(new Proto.Company { Name = "Acme" }, new Proto.Company { Name = "ACME AB" });

        Assert.Equal("Acme", filled.Name);
    }

    [Fact]
    public void Fill_NeverTakesTheExternalId()
    {
        var filled = MergeFill.Fill(new Proto.Company { Name = "Acme" }, new Proto.Company { Name = "ACME AB", ExternalId = "erp-7" });

        Assert.Equal("", filled.ExternalId);
    }

    [Fact]
    public void Fill_JoinsTheTagsOfBoth()
    {
        var filled = MergeFill.Fill(new Proto.Company { Name = "Acme", Tags = { "steel" } }, new Proto.Company { Name = "ACME AB", Tags = { "steel", "export" } });

        Assert.Equal(["steel", "export"], filled.Tags.Order().Reverse());
    }

    [Fact]
    public void Fill_LeavesTheSurvivorsMessageUntouched()
    {
        var survivor = new Proto.Company { Name = "Acme" };

        MergeFill.Fill(survivor, new Proto.Company { Name = "ACME AB", Website = "https://acme.example" });

        Assert.Equal("", survivor.Website);
    }
}
