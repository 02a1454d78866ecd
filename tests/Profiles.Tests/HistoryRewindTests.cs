using CrmPlatform.Profiles.History;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

public sealed class HistoryRewindTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Renamed = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyId = Guid.CreateVersion7();

    [Fact]
    public void Rewind_BeforeAChange_RestoresTheOldValue()
    {
        var past = CompanyHistory.Rewind(Current(), Changes(), Renamed.AddDays(-1), Created);

        Assert.Equal("Acme", past.Name);
    }

    [Fact]
    public void Rewind_AfterAChange_KeepsTheNewValue()
    {
        var past = CompanyHistory.Rewind(Current(), Changes(), Renamed.AddDays(1), Created);

        Assert.Equal("Acme Steel", past.Name);
    }

    [Fact]
    public void Rewind_StampsTheLastChangeAtOrBeforeTheTime_AsTheUpdateTime()
    {
        var past = CompanyHistory.Rewind(Current(), Changes(), Renamed.AddDays(1), Created);

        Assert.Equal(Renamed, past.UpdateTime.ToDateTimeOffset());
    }

    [Fact]
    public void Rewind_BeforeAnyChange_StampsTheCreationTime()
    {
        var past = CompanyHistory.Rewind(Current(), Changes(), Renamed.AddDays(-1), Created);

        Assert.Equal(Created, past.UpdateTime.ToDateTimeOffset());
    }

    [Fact]
    public void Rewind_ClearsTheEtag_SoAPastVersionCannotBeSaved()
    {
        var past = CompanyHistory.Rewind(Current(), Changes(), Renamed.AddDays(1), Created);

        Assert.Equal("", past.Etag);
    }

    [Fact]
    public void Rewind_OfAMapField_RestoresItWhole()
    {
        var before = new Proto.Company { Name = "Acme", CustomFields = { ["seats"] = new Proto.CustomFieldValue { NumberValue = 5 } } };
        var after = new Proto.Company { Name = "Acme", CustomFields = { ["seats"] = new Proto.CustomFieldValue { NumberValue = 9 } } };
        var changes = CompanyHistory.Changes(CompanyId, before, after, ["custom_fields"], "api-key:k", Renamed).ToList();

        var past = CompanyHistory.Rewind(after, changes, Renamed.AddDays(-1), Created);

        Assert.Equal(5, past.CustomFields["seats"].NumberValue);
    }

    private static Proto.Company Current() => new() { Name = "Acme Steel", Etag = "0000000a" };

    private static List<Data.CompanyChange> Changes() =>
        CompanyHistory.Changes(CompanyId, new Proto.Company { Name = "Acme" }, new Proto.Company { Name = "Acme Steel" }, ["name"], "api-key:k", Renamed).ToList();
}
