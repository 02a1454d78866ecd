using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>The timeline through the gateway: typed items, people, versions, deletes, pins, filters, words and topics.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TimelineTests(PlatformFixture platform)
{
    private static Timestamp DaysAgo(double days) => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-days));

    [Fact]
    public async Task ACall_KeepsItsTypedFields_AndGetsItsChannel()
    {
        using var c = await Clientele.Arrange(platform);

        var call = await c.Record(new Interaction
        {
            Kind = InteractionKind.Call,
            Subject = "Renewal",
            Direction = Direction.Outbound,
            Call = new CallDetails { DurationSeconds = 340, Outcome = CallOutcome.Connected },
        }, c.Erik);

        var read = await c.Tenant.Interactions.GetInteractionAsync(new GetInteractionRequest { Id = call.Id });
        Assert.Equal((Channel.Phone, 340, CallOutcome.Connected, 1), (read.Channel, read.Call.DurationSeconds, read.Call.Outcome, read.Version));
    }

    [Fact]
    public async Task AnItemOnAPerson_IsOnThePersonsAndTheCompanysTimeline_InTheSameRequest()
    {
        using var c = await Clientele.Arrange(platform);

        var note = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Prefers mornings", PersonIds = { c.Anna.Id } });

        var onPerson = await c.Timeline(c.Tenant, new ListInteractionsRequest { PersonId = c.Anna.Id });
        var onCompany = await c.Timeline(c.Tenant);
        Assert.Equal((note.Id, note.Id), (string.Join(",", onPerson.Select(i => i.Id)), string.Join(",", onCompany.Select(i => i.Id))));
    }

    [Fact]
    public async Task AnUnknownPerson_IsNotFound()
    {
        using var c = await Clientele.Arrange(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            c.Record(new Interaction { Kind = InteractionKind.Note, Body = "x", PersonIds = { Guid.CreateVersion7().ToString() } }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsPerson_IsNotFound()
    {
        using var mine = await Clientele.Arrange(platform);
        using var theirs = await Clientele.Arrange(platform, "Theirs AB");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            mine.Record(new Interaction { Kind = InteractionKind.Note, Body = "x", PersonIds = { theirs.Anna.Id } }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AnEmail_ResolvesItsAddressesToThePersonAndTheMember()
    {
        using var c = await Clientele.Arrange(platform);

        var email = await c.Record(new Interaction
        {
            Kind = InteractionKind.Email,
            Subject = "Offer",
            Email = new EmailDetails
            {
                From = new EmailAddress { Address = c.Erik.Email },
                To = { new EmailAddress { Address = c.Anna.Emails[0].ToUpperInvariant() } },
                ThreadId = "thread-1",
            },
        });

        Assert.Equal(
            (c.Erik.Id, c.Anna.Id, Direction.Outbound, c.Anna.Id),
            (email.Email.From.MemberId, email.Email.To[0].PersonId, email.Direction, string.Join(",", email.PersonIds)));
    }

    [Fact]
    public async Task AnEdit_KeepsThePreviousVersion_WithWhoChangedItAndWhen()
    {
        using var c = await Clientele.Arrange(platform);
        var note = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Budget 10k" }, c.Erik);

        var edited = await c.Erik.Client.Interactions.UpdateInteractionAsync(new UpdateInteractionRequest
        {
            Interaction = new Interaction { Id = note.Id, Body = "Budget 12k", Etag = note.Etag },
            UpdateMask = new FieldMask { Paths = { "body" } },
        });
        var versions = await c.Tenant.Interactions.ListInteractionVersionsAsync(new ListInteractionVersionsRequest { Id = note.Id });

        Assert.Equal((2, "Budget 12k"), (edited.Version, edited.Body));
        Assert.Equal([(1, "Budget 10k", c.Erik.Id)], versions.Versions.Select(v => (v.Version, v.Interaction.Body, v.ChangedById)));
    }

    [Fact]
    public async Task AnEditWithAStaleEtag_IsRefused()
    {
        using var c = await Clientele.Arrange(platform);
        var note = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "v1" }, c.Erik);
        await c.Erik.Client.Interactions.UpdateInteractionAsync(new UpdateInteractionRequest
        {
            Interaction = new Interaction { Id = note.Id, Body = "v2" },
            UpdateMask = new FieldMask { Paths = { "body" } },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => c.Erik.Client.Interactions.UpdateInteractionAsync(new UpdateInteractionRequest
        {
            Interaction = new Interaction { Id = note.Id, Body = "v3", Etag = note.Etag },
            UpdateMask = new FieldMask { Paths = { "body" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task OnlyTheAuthor_MayEditAnItem()
    {
        using var c = await Clientele.Arrange(platform);
        var note = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Erik's note" }, c.Erik);

        var error = await Assert.ThrowsAsync<RpcException>(() => c.Maria.Client.Interactions.UpdateInteractionAsync(new UpdateInteractionRequest
        {
            Interaction = new Interaction { Id = note.Id, Body = "Maria was here" },
            UpdateMask = new FieldMask { Paths = { "body" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task ADeletedItem_LeavesTheTimeline_AndComesBackWhenUndeleted()
    {
        using var c = await Clientele.Arrange(platform);
        var note = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Oops" }, c.Erik);

        await c.Erik.Client.Interactions.DeleteInteractionAsync(new DeleteInteractionRequest { Id = note.Id });
        var whileDeleted = await c.Timeline(c.Tenant);
        await c.Erik.Client.Interactions.UndeleteInteractionAsync(new UndeleteInteractionRequest { Id = note.Id });
        var afterUndelete = await c.Timeline(c.Tenant);

        Assert.Equal((0, 1), (whileDeleted.Count, afterUndelete.Count));
    }

    [Fact]
    public async Task TheTimeline_IsNewestFirst_WithPinnedItemsFirstWhenAsked()
    {
        using var c = await Clientele.Arrange(platform);
        var old = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Old but pinned", OccurTime = DaysAgo(30), Pinned = true });
        var middle = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Middle", OccurTime = DaysAgo(10) });
        var recent = await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Recent", OccurTime = DaysAgo(1) });

        var newest = await c.Timeline(c.Tenant);
        var pinned = await c.Timeline(c.Tenant, new ListInteractionsRequest { PinnedFirst = true });

        Assert.Equal([recent.Id, middle.Id, old.Id], newest.Select(i => i.Id));
        Assert.Equal([old.Id, recent.Id, middle.Id], pinned.Select(i => i.Id));
    }

    [Fact]
    public async Task PagesOfTheTimeline_FollowOnWithoutGapsOrRepeats()
    {
        using var c = await Clientele.Arrange(platform);
        var ids = new List<string>();
        for (var day = 7; day >= 1; day--)
        {
            ids.Add((await c.Record(new Interaction { Kind = InteractionKind.Note, Body = $"Day {day}", OccurTime = DaysAgo(day), Pinned = day % 2 == 0 })).Id);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await c.Tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = c.Company.Id, PageSize = 2, PageToken = token, PinnedFirst = true });
            seen.AddRange(page.Interactions.Select(i => i.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task TheTimeline_FiltersByKindDirectionAuthorAndPeriod()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "A note", OccurTime = DaysAgo(2) }, c.Erik);
        var call = await c.Record(new Interaction { Kind = InteractionKind.Call, Subject = "Inbound call", Direction = Direction.Inbound, OccurTime = DaysAgo(2) }, c.Erik);
        await c.Record(new Interaction { Kind = InteractionKind.Call, Subject = "Old call", Direction = Direction.Inbound, OccurTime = DaysAgo(40) }, c.Erik);
        await c.Record(new Interaction { Kind = InteractionKind.Call, Subject = "Maria's call", Direction = Direction.Inbound, OccurTime = DaysAgo(2) }, c.Maria);

        var found = await c.Timeline(c.Tenant, new ListInteractionsRequest
        {
            Kinds = { InteractionKind.Call },
            Direction = Direction.Inbound,
            AuthorId = c.Erik.Id,
            OccurAfter = DaysAgo(7),
        });

        Assert.Equal([call.Id], found.Select(i => i.Id));
    }

    [Fact]
    public async Task Words_FindItemsBySubjectOrBody()
    {
        using var c = await Clientele.Arrange(platform);
        var bySubject = await c.Record(new Interaction { Kind = InteractionKind.Note, Subject = "Pricing workshop", Body = "notes" });
        var byBody = await c.Record(new Interaction { Kind = InteractionKind.Note, Subject = "Call notes", Body = "They asked about PRICING tiers" });
        await c.Record(new Interaction { Kind = InteractionKind.Note, Subject = "Lunch", Body = "Nothing about money" });

        var found = await c.Timeline(c.Tenant, new ListInteractionsRequest { Query = "pricing" });

        Assert.Equal(new[] { byBody.Id, bySubject.Id }.Order(), found.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Topics_CountHashtagsGivenTopicsAndSocialSubjects_MostFrequentFirst()
    {
        using var c = await Clientele.Arrange(platform);
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Asked about #pricing again" });
        await c.Record(new Interaction { Kind = InteractionKind.Note, Body = "Renewal chat", Topics = { "Pricing", "renewal" } });
        await c.Record(new Interaction
        {
            Kind = InteractionKind.SocialSignal,
            Subject = "Posted about migrating",
            SocialSignal = new SocialSignalDetails { Network = "linkedin", About = "cloud migration", Signal = SignalKind.Researching, AuthorConfidence = 0.9 },
        });

        var topics = await c.Tenant.Interactions.ListTopicsAsync(new ListTopicsRequest { CompanyId = c.Company.Id, LatestPerTopic = 1 });

        Assert.Equal(("pricing", 2, 1), (topics.Topics[0].Topic, topics.Topics[0].Count, topics.Topics[0].Latest.Count));
        Assert.Equal(["cloud migration", "renewal"], topics.Topics.Skip(1).Select(t => t.Topic).Order());
    }

    [Fact]
    public async Task AKindsDetails_ThatDoNotMatchIt_AreRefusedNamingThem()
    {
        using var c = await Clientele.Arrange(platform);

        var (status, body) = await BadRequests.Send(c.Tenant.Rest, HttpMethod.Post, $"/v1/companies/{c.Company.Id}/interactions",
            """{"kind":"INTERACTION_KIND_NOTE","body":"x","call":{"durationSeconds":5}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["interaction.call"], BadRequests.Fields(body));
    }

    [Fact]
    public async Task EveryViolation_IsReportedAtOnce_AndNothingIsWritten()
    {
        using var c = await Clientele.Arrange(platform);

        var (status, body) = await BadRequests.Send(c.Tenant.Rest, HttpMethod.Post, $"/v1/companies/{c.Company.Id}/interactions",
            """{"kind":"INTERACTION_KIND_CALL","subject":"x","visibility":"VISIBILITY_TEAM","personIds":["nope"],"call":{"durationSeconds":-1}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["interaction.call.duration_seconds", "interaction.person_ids[0]", "interaction.team"], BadRequests.Fields(body).Order());
        Assert.Empty(await c.Timeline(c.Tenant));
    }

    /// <summary>
    /// Under row-level security PostgreSQL uses the words' GIN index only if the match operator is
    /// LEAKPROOF (provisioning declares it so, deploy/postgres/05). In a tenant with many items a
    /// rare word must then be found through that index, not by reading all of the tenant's items.
    /// </summary>
    [Fact]
    public async Task FullTextSearch_IsServedByItsIndex_AsTheApplicationRole()
    {
        using var c = await Clientele.Arrange(platform);
        await using (var superuser = new NpgsqlConnection(platform.SuperuserConnectionString("interactions")))
        {
            await superuser.OpenAsync();
            await using var fill = new NpgsqlCommand(
                """
                INSERT INTO interactions (tenant_id, id, company_id, kind, channel, direction, visibility, subject, body, occurred_at, created_at, updated_at)
                SELECT $1, gen_random_uuid(), $2, 'Note', 'None', 'None', 'Everyone', 'Weekly note ' || g, 'Talked about the usual things ' || g, now(), now(), now()
                FROM generate_series(1, 20000) AS g
                """,
                superuser);
            fill.Parameters.AddWithValue(Guid.Parse(c.Tenant.TenantId));
            fill.Parameters.AddWithValue(Guid.Parse(c.Company.Id));
            await fill.ExecuteNonQueryAsync();
            // VACUUM too: rows just written wait in the GIN index's pending list, which makes it look dear.
            await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE) interactions", superuser);
            await analyze.ExecuteNonQueryAsync();
        }

        await using var app = new NpgsqlConnection(platform.AppConnectionString("interactions"));
        await app.OpenAsync();
        await using var transaction = await app.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SET LOCAL app.tenant_id = '{Guid.Parse(c.Tenant.TenantId):D}';
            EXPLAIN SELECT id FROM interactions WHERE search @@ websearch_to_tsquery('simple', 'zeppelin');
            """,
            app, transaction);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("ix_interactions_search"));
    }
}
