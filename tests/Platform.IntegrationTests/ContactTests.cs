using System.Net;
using CrmPlatform.Contracts.Interactions.V1;
using Company = CrmPlatform.Contracts.Profiles.V1.Company;
using UpdateCompanyRequest = CrmPlatform.Contracts.Profiles.V1.UpdateCompanyRequest;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Contact statistics, the check before a call, verdicts and the tenant's policy, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContactTests(PlatformFixture platform)
{
    private static Timestamp Ago(TimeSpan span) => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow - span);

    private static Interaction Call(Clientele c, TimeSpan ago, Direction direction = Direction.Outbound) => new()
    {
        Kind = InteractionKind.Call,
        Subject = "Call",
        Direction = direction,
        OccurTime = Ago(ago),
        PersonIds = { c.Anna.Id },
        Call = new CallDetails { Outcome = CallOutcome.Connected, DurationSeconds = 120 },
    };

    [Fact]
    public async Task ACallByACoworker_DeniesASecondCallInTheQuietPeriod_SayingWhoCalledWhom()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(Call(c, TimeSpan.FromHours(2)), c.Erik);

        var check = await c.Maria.Client.Contacts.CheckContactAsync(new CheckContactRequest { PersonId = c.Anna.Id, Channel = Channel.Phone });

        Assert.Equal(Decision.Deny, check.Decision);
        Assert.Contains(check.Reasons, r => r.Code == "QUIET_PERIOD" && r.Message.StartsWith("Erik Berg called Anna Svensson 2 hours ago"));
        Assert.NotNull(check.AllowedFrom);
    }

    [Fact]
    public async Task AThirdEmailInAWeek_IsWarnedAgainst_CountingOneToOneEmail()
    {
        using var c = await Clientele.Arrange(platform);
        for (var i = 0; i < 3; i++)
        {
            await c.Record(new Interaction
            {
                Kind = InteractionKind.Email,
                Subject = $"Follow-up {i}",
                Direction = Direction.Outbound,
                OccurTime = Ago(TimeSpan.FromDays(i + 1)),
                PersonIds = { c.Anna.Id },
            }, c.Erik);
        }

        var check = await c.Erik.Client.Contacts.CheckContactAsync(new CheckContactRequest { PersonId = c.Anna.Id, Channel = Channel.Email });

        Assert.Equal(Decision.Warn, check.Decision);
        Assert.Contains(check.Reasons, r => r.Message == "This would be the 4th email to Anna Svensson in 7 days; the policy allows 3");
    }

    [Fact]
    public async Task NobodyRecentlyInTouch_IsAllowed()
    {
        using var c = await Clientele.Arrange(platform);

        var check = await c.Erik.Client.Contacts.CheckContactAsync(new CheckContactRequest { PersonId = c.Anna.Id, Channel = Channel.Phone });

        Assert.Equal((Decision.Allow, 0), (check.Decision, check.Reasons.Count));
    }

    [Fact]
    public async Task Statistics_EqualARecountOfTheTimeline()
    {
        using var c = await Clientele.Arrange(platform);
        var days = new[] { 1, 3, 12, 40, 200 };
        foreach (var day in days)
        {
            await c.Record(Call(c, TimeSpan.FromDays(day)), c.Erik);
        }

        await c.Record(Call(c, TimeSpan.FromDays(5), Direction.Inbound), c.Erik);
        var deleted = await c.Record(Call(c, TimeSpan.FromDays(2)), c.Erik);
        await c.Erik.Client.Interactions.DeleteInteractionAsync(new DeleteInteractionRequest { Id = deleted.Id });

        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = c.Anna.Id });
        var timeline = await c.Timeline(c.Tenant, new ListInteractionsRequest { PersonId = c.Anna.Id, PageSize = 100 });
        var outbound = stats.Channels.Single(s => s.Channel == Channel.Phone && s.Direction == Direction.Outbound);

        int Recount(int window) => ContactDays.Count(timeline.Where(i => i.Direction == Direction.Outbound).Select(i => i.OccurTime.ToDateTimeOffset()), window);
        Assert.Equal((Recount(7), Recount(30), Recount(90)), (outbound.Count7D, outbound.Count30D, outbound.Count90D));
        Assert.Equal(timeline.Min(i => i.OccurTime), stats.FirstContactTime);
        Assert.Equal(timeline.Max(i => i.OccurTime), stats.LastContactTime);
    }

    [Fact]
    public async Task ACompanyNotContactedWithinItsCadence_IsOnTheNeglectedListOfItsOwner()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = c.Company.Id, AccountOwner = "erik@acme.example" },
            UpdateMask = new FieldMask { Paths = { "account_owner" } },
        });
        await c.Record(Call(c, TimeSpan.FromDays(45)), c.Erik);

        var neglected = await Eventually.Get(async () =>
        {
            var list = await c.Tenant.Contacts.ListCompaniesByVerdictAsync(new ListCompaniesByVerdictRequest { Verdict = "neglected", AccountOwner = "erik@acme.example" });
            return list.Companies.FirstOrDefault();
        }, "the company on its owner's neglected list");

        Assert.Equal((c.Company.Id, Verdict.Neglected), (neglected.CompanyId, neglected.Verdict));
    }

    [Fact]
    public async Task FourCallsInAWeek_MakeAPersonOverContacted()
    {
        using var c = await Clientele.Arrange(platform);
        for (var day = 1; day <= 4; day++)
        {
            await c.Record(Call(c, TimeSpan.FromDays(day)), c.Erik);
        }

        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = c.Anna.Id });
        var companies = await c.Tenant.Contacts.ListCompaniesByVerdictAsync(new ListCompaniesByVerdictRequest { Verdict = "over-contacted" });

        Assert.Equal(Verdict.OverContacted, stats.Verdict);
        Assert.Contains("4 calls in 7 days; the policy allows 2", stats.VerdictReasons);
        Assert.Equal([c.Company.Id], companies.Companies.Select(x => x.CompanyId));
    }

    [Fact]
    public async Task AContactWithinTheCadence_IsOnTarget()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(Call(c, TimeSpan.FromDays(3)), c.Erik);

        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { CompanyId = c.Company.Id });

        Assert.Equal((Verdict.OnTarget, 30), (stats.Verdict, stats.CadenceDays));
    }

    [Fact]
    public async Task ATenantsPolicy_IsItsOwn_AndChangesTheDefaultCadence()
    {
        using var c = await Clientele.Arrange(platform);
        using var other = await platform.NewTenant();

        await c.Tenant.Contacts.UpdateContactPolicyAsync(new UpdateContactPolicyRequest { Policy = new ContactPolicy { DefaultCadenceDays = 7 } });
        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { CompanyId = c.Company.Id });
        var otherPolicy = await other.Contacts.GetContactPolicyAsync(new GetContactPolicyRequest());

        Assert.Equal((7, 30), (stats.CadenceDays, otherPolicy.DefaultCadenceDays));
    }

    [Fact]
    public async Task ABadPolicy_IsRefusedWithEveryViolation()
    {
        using var tenant = await platform.NewTenant();

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Put, "/v1/contact-policy",
            """{"rules":[{"channel":"CHANNEL_PHONE","maxPerPerson":2,"enforcement":"DECISION_DENY"},{"channel":"CHANNEL_PHONE","maxPerPerson":-1,"period":"86400s","enforcement":"DECISION_ALLOW"}],"defaultCadenceDays":-3}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            ["policy.default_cadence_days", "policy.rules[0].period", "policy.rules[1].channel", "policy.rules[1].enforcement", "policy.rules[1].max_per_person"],
            BadRequests.Fields(body).Order());
    }

    [Fact]
    public async Task CheckingAnotherTenantsPerson_IsNotFound()
    {
        using var mine = await Clientele.Arrange(platform);
        using var theirs = await Clientele.Arrange(platform, "Theirs AB");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            mine.Erik.Client.Contacts.CheckContactAsync(new CheckContactRequest { PersonId = theirs.Anna.Id, Channel = Channel.Phone }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
