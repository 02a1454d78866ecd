using CrmPlatform.Contracts.Interactions.V1;
using Company = CrmPlatform.Contracts.Profiles.V1.Company;
using Strategy = CrmPlatform.Contracts.Profiles.V1.Strategy;
using UpdateCompanyRequest = CrmPlatform.Contracts.Profiles.V1.UpdateCompanyRequest;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Verdicts that change because time passes, with no new contact, or because a shorter cadence
/// moved the moment into the past: published when the moment is crossed. A contact recorded in the past puts the moment seconds ahead, so no clock is faked:
/// with the default cadence of 30 days, a call 30 days less a few seconds ago leaves the company
/// on target for those seconds.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VerdictWatcherTests(PlatformFixture platform)
{
    /// <summary>Ahead of the write, so the write itself judges the subject before the moment.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(10);

    /// <summary>The lead, the watcher's wake and the outbox relay, with room for a busy machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACompanyWhoseDueTimePasses_BecomesNeglected_AndTheChangeIsPublished()
    {
        using var c = await Clientele.Arrange(platform);
        await using var changes = await VerdictChanges.Listen(platform);

        await c.Record(Call(c, TimeSpan.FromDays(30) - Lead), c.Erik);

        var change = await changes.Next(
            e => e.CompanyId == Guid.Parse(c.Company.Id) && e.PersonId is null && e.Verdict == "Neglected",
            "the company's verdict to turn neglected", Patience);
        Assert.Equal(("Neglected", "OnTarget"), (change.Verdict, change.PreviousVerdict));
        Assert.StartsWith("No personal contact for 30 days", Assert.Single(change.Reasons));
    }

    [Fact]
    public async Task ACompanyWhoseDueTimePasses_HasItsStoredVerdictUpdated()
    {
        using var c = await Clientele.Arrange(platform);

        await c.Record(Call(c, TimeSpan.FromDays(30) - Lead), c.Erik);

        Assert.Equal("OnTarget", await StoredVerdict(c.Company.Id));
        await Eventually.True(async () => await StoredVerdict(c.Company.Id) == "Neglected", "the stored verdict to turn neglected", Patience);
    }

    [Fact]
    public async Task APersonsOverContactedVerdict_LapsesWhenTheWindowEmpties_AndTheChangeIsPublished()
    {
        using var c = await Clientele.Arrange(platform);
        await using var changes = await VerdictChanges.Listen(platform);
        var calls = new[] { Call(c, TimeSpan.FromDays(7) - Lead), Call(c, TimeSpan.FromDays(2)), Call(c, TimeSpan.FromDays(1)) };

        foreach (var call in calls)
        {
            await c.Record(call, c.Erik);
        }

        // Three calls in seven days against the default limit of two, until the first leaves the window.
        var change = await changes.Next(
            e => e.PersonId == Guid.Parse(c.Anna.Id) && e.PreviousVerdict == "OverContacted",
            "Anna's over-contacted verdict to lapse", Patience);
        Assert.Equal(("OnTarget", "OverContacted"), (change.Verdict, change.PreviousVerdict));
    }

    [Fact]
    public async Task AShorterDefaultCadence_MakesACompanyNeglectedAtOnce_AndTheChangeIsPublished()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(Call(c, TimeSpan.FromDays(3)), c.Erik);
        await using var changes = await VerdictChanges.Listen(platform);

        await c.Tenant.Contacts.UpdateContactPolicyAsync(new UpdateContactPolicyRequest { Policy = new ContactPolicy { DefaultCadenceDays = 2 } });

        var change = await changes.Next(
            e => e.CompanyId == Guid.Parse(c.Company.Id) && e.PersonId is null,
            "the company's verdict to change under the new cadence", Patience);
        Assert.Equal(("Neglected", "OnTarget"), (change.Verdict, change.PreviousVerdict));
    }

    [Fact]
    public async Task AShorterCadenceOnTheCompany_MakesItNeglectedAtOnce_AndTheChangeIsPublished()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(Call(c, TimeSpan.FromDays(3)), c.Erik);
        await using var changes = await VerdictChanges.Listen(platform);

        await c.Tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = c.Company.Id, Strategy = new Strategy { ContactCadenceDays = 2 } },
            UpdateMask = new FieldMask { Paths = { "strategy" } },
        });

        var change = await changes.Next(
            e => e.CompanyId == Guid.Parse(c.Company.Id) && e.PersonId is null,
            "the company's verdict to change under its own cadence", Patience);
        Assert.Equal(("Neglected", "OnTarget"), (change.Verdict, change.PreviousVerdict));
    }

    private static Interaction Call(Clientele c, TimeSpan ago) => new()
    {
        Kind = InteractionKind.Call,
        Subject = "Call",
        Direction = Direction.Outbound,
        OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow - ago),
        PersonIds = { c.Anna.Id },
        Call = new CallDetails { Outcome = CallOutcome.Connected, DurationSeconds = 120 },
    };

    private async Task<string?> StoredVerdict(string companyId)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("interactions"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT verdict FROM contact_stats WHERE subject_id = $1", connection);
        command.Parameters.AddWithValue(Guid.Parse(companyId));
        return await command.ExecuteScalarAsync() as string;
    }
}
