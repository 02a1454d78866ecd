using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.IntegrationTests.Support;
using CreatePersonRequest = CrmPlatform.Contracts.Profiles.V1.CreatePersonRequest;
using Person = CrmPlatform.Contracts.Profiles.V1.Person;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Items in bulk from mail servers and marketing tools: once per source event, row by row, statistics exact after.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IngestTests(PlatformFixture platform)
{
    private static Interaction Email(Clientele c, string eventId, double daysAgo) => new()
    {
        Kind = InteractionKind.Email,
        Subject = $"Thread {eventId}",
        Direction = Direction.Inbound,
        OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-daysAgo)),
        CompanyId = c.Company.Id,
        PersonIds = { c.Anna.Id },
        Source = new Source { System = "exchange", EventId = eventId },
    };

    private static async Task<List<IngestInteractionsResponse>> Ingest(TenantClient client, params IngestInteractionsRequest[] messages)
    {
        using var call = client.Ingest.IngestInteractions();
        var reports = new List<IngestInteractionsResponse>();
        var reading = Task.Run(async () =>
        {
            await foreach (var report in call.ResponseStream.ReadAllAsync())
            {
                reports.Add(report);
            }
        });
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        await reading;
        return reports;
    }

    [Fact]
    public async Task OneEmailSyncedFromThreeMailboxes_IsStoredOnce_WithThreeOwners()
    {
        using var c = await Clientele.Arrange(platform);
        using var sam = await platform.NewMember(c.Tenant, "Sam Nord");

        var reports = await Ingest(c.Tenant,
            new IngestInteractionsRequest { OwnerId = c.Erik.Id, Interactions = { Email(c, "msg-1", 1) } },
            new IngestInteractionsRequest { OwnerId = c.Maria.Id, Interactions = { Email(c, "msg-1", 1) } },
            new IngestInteractionsRequest { OwnerId = sam.Id, Interactions = { Email(c, "msg-1", 1) } });
        var stored = await c.Timeline(c.Tenant);

        Assert.Equal((1, 2), (reports[^1].Created, reports[^1].Duplicates));
        Assert.Equal(new[] { c.Erik.Id, c.Maria.Id, sam.Id }.Order(), Assert.Single(stored).OwnerIds.Order());
    }

    [Fact]
    public async Task ARetriedIngest_CreatesNothingNew()
    {
        using var c = await Clientele.Arrange(platform);
        var batch = new IngestInteractionsRequest { Interactions = { Email(c, "a", 1), Email(c, "b", 2) } };

        await Ingest(c.Tenant, batch);
        var retried = await Ingest(c.Tenant, batch);

        Assert.Equal((0, 2), (retried[^1].Created, retried[^1].Duplicates));
        Assert.Equal(2, (await c.Timeline(c.Tenant)).Count);
    }

    [Fact]
    public async Task ABadRow_FailsOnlyItself_WithItsReasons()
    {
        using var c = await Clientele.Arrange(platform);
        var noSource = Email(c, "x", 1);
        noSource.Source = null;
        var unknownPerson = Email(c, "y", 1);
        unknownPerson.PersonIds[0] = Guid.CreateVersion7().ToString();

        var report = (await Ingest(c.Tenant, new IngestInteractionsRequest { Interactions = { Email(c, "ok-1", 1), noSource, unknownPerson, Email(c, "ok-2", 2) } }))[^1];

        Assert.Equal((2, 2), (report.Created, report.Rejected));
        Assert.Equal(
            [IngestOutcome.Created, IngestOutcome.Rejected, IngestOutcome.Rejected, IngestOutcome.Created],
            report.Rows.OrderBy(r => r.Row).Select(r => r.Outcome));
        Assert.Contains(report.Rows[1].Problems, p => p.Field == "interaction.source.event_id");
    }

    [Fact]
    public async Task StatisticsAfterIngest_EqualARecount()
    {
        using var c = await Clientele.Arrange(platform);
        var rows = Enumerable.Range(1, 60).Select(day => Email(c, $"e{day}", day * 1.5)).ToList();

        await Ingest(c.Tenant, new IngestInteractionsRequest { Interactions = { rows } });
        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = c.Anna.Id });
        var inbound = stats.Channels.Single(s => s.Channel == Channel.Email && s.Direction == Direction.Inbound);

        int Recount(int window) => ContactDays.Count(rows.Select(r => r.OccurTime.ToDateTimeOffset()), window);
        Assert.Equal((Recount(7), Recount(30), Recount(90)), (inbound.Count7D, inbound.Count30D, inbound.Count90D));
        Assert.Equal(rows.Max(r => r.OccurTime)!.Seconds, stats.LastContactTime.Seconds);
    }

    [Fact]
    public async Task StatisticsAfterIngest_EqualARecount_ForEveryPersonTheBatchTouched()
    {
        using var c = await Clientele.Arrange(platform);
        var people = new List<Person> { c.Anna };
        for (var i = 0; i < 3; i++)
        {
            people.Add(await c.Tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = c.Company.Id, Person = new Person { GivenName = $"Colleague {i}" } }));
        }

        await Eventually.True(() => Clientele.PersonKnown(platform, people[^1].Id), "the colleagues to reach Interactions");
        // Interleaved, each person a different number of emails: one batch, four people's statistics.
        var rows = Enumerable.Range(1, 40).Select(n =>
        {
            var email = Email(c, $"p{n}", n * 2.1);
            email.PersonIds[0] = people[n % 7 == 0 ? 0 : n % people.Count].Id;
            return email;
        }).ToList();

        await Ingest(c.Tenant, new IngestInteractionsRequest { Interactions = { rows } });

        foreach (var person in people)
        {
            var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = person.Id });
            var theirs = rows.Where(r => r.PersonIds[0] == person.Id).ToList();
            var inbound = stats.Channels.Single(s => s.Channel == Channel.Email && s.Direction == Direction.Inbound);
            int Recount(int window) => ContactDays.Count(theirs.Select(r => r.OccurTime.ToDateTimeOffset()), window);
            Assert.Equal($"{person.GivenName}: {Recount(7)} {Recount(30)} {Recount(90)} {theirs.Max(r => r.OccurTime)!.Seconds}",
                $"{person.GivenName}: {inbound.Count7D} {inbound.Count30D} {inbound.Count90D} {stats.LastContactTime.Seconds}");
        }
    }

    [Fact]
    public async Task JsonLinesOverRest_AreIngestedWithAReportPerBatch()
    {
        using var c = await Clientele.Arrange(platform);
        var lines = string.Join("\n",
            $$$"""{"kind":"INTERACTION_KIND_NEWSLETTER_SEND","companyId":"{{{c.Company.Id}}}","personIds":["{{{c.Anna.Id}}}"],"source":{"system":"mailchimp","eventId":"s1"},"newsletter":{"campaignId":"nov"}}""",
            $$$"""{"kind":"INTERACTION_KIND_NEWSLETTER_OPEN","personIds":["{{{c.Anna.Id}}}"],"source":{"system":"mailchimp","eventId":"o1"},"newsletter":{"campaignId":"nov","userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"}}""",
            "this is not json");

        using var content = new StringContent(lines, Encoding.UTF8, "application/x-ndjson");
        var response = await c.Tenant.Rest.PostAsync($"/v1/interactions:ingest?ownerId={c.Erik.Id}", content);
        var report = JsonNode.Parse((await response.Content.ReadAsStringAsync()).Trim().Split('\n')[^1])!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 1), ((int)report["created"]!, (int)report["rejected"]!));
    }

    [Fact]
    public async Task NewsletterOpens_FromAPrivacyProxy_AreKeptButNotCountedAsOpened()
    {
        using var c = await Clientele.Arrange(platform);
        Interaction Newsletter(InteractionKind kind, string campaign, string eventId, string agent = "") => new()
        {
            Kind = kind,
            OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(kind == InteractionKind.NewsletterSend ? -24 : -1)),
            CompanyId = c.Company.Id,
            PersonIds = { c.Anna.Id },
            Source = new Source { System = "mailchimp", EventId = eventId },
            Newsletter = new NewsletterDetails { CampaignId = campaign, UserAgent = agent },
        };

        await Ingest(c.Tenant, new IngestInteractionsRequest
        {
            Interactions =
            {
                Newsletter(InteractionKind.NewsletterSend, "oct", "s-oct"),
                Newsletter(InteractionKind.NewsletterSend, "nov", "s-nov"),
                Newsletter(InteractionKind.NewsletterOpen, "oct", "o-oct", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0"),
                Newsletter(InteractionKind.NewsletterOpen, "nov", "o-nov", "Mozilla/5.0"),
            },
        });
        var stats = await c.Tenant.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = c.Anna.Id });

        Assert.Equal(
            [("nov", false), ("oct", true)],
            stats.LastNewsletters.Select(n => (n.CampaignId, n.Opened)).OrderBy(n => n.CampaignId));
        Assert.Equal(0.5, stats.NewsletterOpenRate);
    }
}
