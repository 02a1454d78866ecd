using System.Diagnostics;
using CrmPlatform.Benchmarks;
using CrmPlatform.Benchmarks.Interactions;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Platform.V1;
using Channel = CrmPlatform.Contracts.Interactions.V1.Channel;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using Spectre.Console;

// Interactions near its limits: a tenant with many items (one company holding a tenth of them,
// all on one person), then CheckContact, timeline pages and statistics through the gateway; bulk
// ingest against a raw binary COPY of the same rows; statistics after the ingest against a recount.
// Usage: dotnet run -c Release --project benchmarks/Interactions.Benchmarks -- [items] [ingest rows]
var items = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var ingestRows = args.Length > 1 ? int.Parse(args[1]) : 50_000;
const int Seed = 20261203;
var total = Stopwatch.StartNew();
await using var run = await BenchmarkPlatform.StartAsync();
var gateway = run.Gateway;
var admin = new TenantAdminService.TenantAdminServiceClient(run.Operator);
var members = new MembersService.MembersServiceClient(run.Operator);
var superuser = run.Platform.SuperuserConnectionString("interactions");

// The big tenant: a member, a company with a person, and the synthetic companies around them.
var big = await Client.Create(admin, members, gateway, "timeline-big");
var (company, anna) = await big.CompanyWithPerson("Big Client AB");
var bigShare = items / 10;
var others = Enumerable.Range(0, 1000).Select(i => (Id: Guid.CreateVersion7(), Name: $"Synthetic {i}")).ToList();
await KnownCompanyRows.Copy(superuser, big.TenantId, others);
Console.WriteLine($"Writing {items:N0} items by COPY ({bigShare:N0} on Big Client AB and its person, the rest over 1,000 companies) ...");
var fillClock = Stopwatch.StartNew();
const int FillBatch = 200_000;
for (var start = 0; start < items; start += FillBatch)
{
    var size = Math.Min(FillBatch, items - start);
    var offset = start;
    await SyntheticTimeline.Copy(superuser, big.TenantId, SyntheticTimeline.Generate(size,
        i => offset + i < bigShare ? (Guid.Parse(company.Id), Guid.Parse(anna.Id)) : (others[(offset + i) % others.Count].Id, null), Seed + start));
}

await using (var connection = new NpgsqlConnection(superuser))
{
    await connection.OpenAsync();
    // As autovacuum soon would: statistics for the plans, and the words' GIN pending list flushed.
    foreach (var table in new[] { "interactions", "interaction_subjects" })
    {
        await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
    }
}

Console.WriteLine($"  {fillClock.Elapsed.TotalSeconds:0} s.");

// Calls recorded through the gateway: each on both timelines as soon as it answers, its
// statistics rewritten in its transaction over the person's whole history.
Interaction Call(int i) => new()
{
    Kind = InteractionKind.Call, Subject = $"Benchmark call {i}", Direction = Direction.Outbound, PersonIds = { anna.Id },
    Call = new CallDetails { Outcome = CallOutcome.Connected, DurationSeconds = 60 },
};
await big.Timeline.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = company.Id, Interaction = Call(0) });
var onBoth = 0;
var records = await Latency.Measure(50, async i =>
{
    var call = await big.Timeline.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = company.Id, Interaction = Call(i + 1) });
    var onCompany = (await big.Timeline.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = company.Id, PageSize = 1 })).Interactions[0].Id == call.Id;
    var onPerson = (await big.Timeline.ListInteractionsAsync(new ListInteractionsRequest { PersonId = anna.Id, PageSize = 1 })).Interactions[0].Id == call.Id;
    onBoth += onCompany && onPerson ? 1 : 0;
});

Console.WriteLine("Measuring CheckContact, timeline pages and statistics (warm-up first) ...");
var check = new CheckContactRequest { PersonId = anna.Id, Channel = Channel.Phone };
await Latency.Measure(50, _ => big.Contacts.CheckContactAsync(check).ResponseAsync);
var checks = await Latency.Measure(500, _ => big.Contacts.CheckContactAsync(check).ResponseAsync);
var tokens = new List<string> { "" };
var companyPages = await Latency.Measure(300, async i =>
{
    var page = await big.Timeline.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = company.Id, PageSize = 50, PageToken = tokens[i % tokens.Count] });
    if (tokens.Count < 50 && page.NextPageToken.Length > 0)
    {
        tokens.Add(page.NextPageToken);
    }
});
var personPages = await Latency.Measure(300, _ => big.Timeline.ListInteractionsAsync(new ListInteractionsRequest { PersonId = anna.Id, PageSize = 50 }).ResponseAsync);
var searches = await Latency.Measure(100, _ => big.Timeline.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = company.Id, PageSize = 50, Query = "renewal steps" }).ResponseAsync);
var stats = await Latency.Measure(300, _ => big.Contacts.GetContactStatsAsync(new GetContactStatsRequest { CompanyId = company.Id }).ResponseAsync);

var latencyTable = new Table().Title($"Interactions among {items:N0} items ({bigShare:N0} on one company and one person), ms, through the gateway")
    .AddColumns("Call", "calls", "p50", "p95", "p99", "max");
foreach (var (name, sample) in new[]
{
    ("CheckContact (the person)", checks), ("ListInteractions, 50 of the company (pages 1-50)", companyPages),
    ("ListInteractions, 50 of the person", personPages), ("ListInteractions, words in the company's", searches),
    ("GetContactStats (the company)", stats),
    ("RecordInteraction on the person, then both timelines' first page", records),
})
{
    latencyTable.AddRow(name, $"{sample.Count}", $"{sample.Percentile(50):0.0}", $"{sample.Percentile(95):0.0}", $"{sample.Percentile(99):0.0}", $"{sample.Percentile(100):0.0}");
}

AnsiConsole.Write(latencyTable);
Console.WriteLine($"Of {records.Count} calls recorded, {onBoth} were first on both the company's and the person's timeline in the very next request.");

// Ingest through the gateway against a binary COPY of the same rows into the same tables.
var ours = await Client.Create(admin, members, gateway, "ingest-grpc");
var (oursCompany, oursPerson) = await ours.CompanyWithPerson("Ingest AB");
var raw = await Client.Create(admin, members, gateway, "ingest-copy");
var rawCompany = Guid.CreateVersion7();
await KnownCompanyRows.Copy(superuser, raw.TenantId, [(rawCompany, "Copy AB")]);
var rows = SyntheticTimeline.Generate(ingestRows, _ => (Guid.Parse(oursCompany.Id), Guid.Parse(oursPerson.Id)), Seed, "ingest").ToList();

Console.WriteLine($"Ingesting {ingestRows:N0} items through the gateway ...");
var ingestClock = Stopwatch.StartNew();
using (var stream = ours.Ingest.IngestInteractions())
{
    var (last, _) = await StreamedImport.Run(stream,
        rows.Chunk(500).Select(chunk => new IngestInteractionsRequest { Interactions = { chunk.Select(r => ToProto(r, oursCompany.Id)) } }), _ => []);
    Console.WriteLine($"  created {last.Created:N0}, duplicates {last.Duplicates:N0}, rejected {last.Rejected:N0}.");
}

var ingestTime = ingestClock.Elapsed;
Console.WriteLine("The same rows by binary COPY ...");
var copyClock = Stopwatch.StartNew();
await SyntheticTimeline.Copy(superuser, raw.TenantId, rows.Select(r => r with { Id = Guid.CreateVersion7(), CompanyId = rawCompany, PersonId = Guid.CreateVersion7() }));
var copyTime = copyClock.Elapsed;

var ingestTable = new Table().Title("Bulk ingest, same rows, same tables, same run")
    .AddColumns("Rows", "IngestInteractions via gateway", "rows/s", "binary COPY", "rows/s", "ours ÷ COPY");
ingestTable.AddRow($"{ingestRows:N0}", $"{ingestTime.TotalSeconds:0.0} s", $"{ingestRows / ingestTime.TotalSeconds:N0}",
    $"{copyTime.TotalSeconds:0.0} s", $"{ingestRows / copyTime.TotalSeconds:N0}", $"{copyTime / ingestTime:0.00}");
AnsiConsole.Write(ingestTable);

// The statistics the ingest left, against a recount of the stored items.
var reported = await ours.Contacts.GetContactStatsAsync(new GetContactStatsRequest { PersonId = oursPerson.Id });
var recount = await Recount(superuser, Guid.Parse(oursPerson.Id));
var mismatches = recount.Where(r =>
    reported.Channels.FirstOrDefault(c => c.Channel.ToString() == r.Channel && c.Direction.ToString() == r.Direction) is not { } s
    || (s.Count7D, s.Count30D, s.Count90D, s.FirstTime.ToDateTimeOffset(), s.LastTime.ToDateTimeOffset()) != (r.Days7, r.Days30, r.Days90, r.First, r.Last)).ToList();
Console.WriteLine(mismatches.Count == 0 && reported.Channels.Count == recount.Count
    ? $"Statistics after the ingest equal a full recount ({recount.Count} channel and direction pairs, counts over 7/30/90 days, first and last)."
    : $"Statistics after the ingest DIFFER from a recount: {string.Join("; ", mismatches)}");
Console.WriteLine($"Whole run: {total.Elapsed:h\\:mm\\:ss}.");

static Interaction ToProto(SyntheticItem item, string companyId) => new()
{
    Kind = System.Enum.Parse<InteractionKind>(item.Kind),
    Subject = item.Subject,
    Body = item.Body,
    Direction = item.Direction == "None" ? Direction.Unspecified : System.Enum.Parse<Direction>(item.Direction),
    OccurTime = Timestamp.FromDateTimeOffset(item.OccurredAt),
    CompanyId = companyId,
    PersonIds = { item.PersonId!.Value.ToString() },
    Source = new Source { System = "benchmark", EventId = item.SourceEventId! },
    Call = item.Kind == "Call" ? new CallDetails { Outcome = item.TwoWay ? CallOutcome.Connected : CallOutcome.NoAnswer } : null,
    Newsletter = item.Kind == "NewsletterSend" ? new NewsletterDetails { CampaignId = SyntheticTimeline.CampaignOf(item) } : null,
};

// Per channel and direction: contacts on the last 7, 30 and 90 UTC days (today included, as the
// service counts them), and the first and last contact, straight from the stored subject rows.
static async Task<List<(string Channel, string Direction, int Days7, int Days30, int Days90, DateTimeOffset First, DateTimeOffset Last)>> Recount(string superuser, Guid personId)
{
    await using var connection = new NpgsqlConnection(superuser);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        """
        SELECT channel, direction,
          count(*) FILTER (WHERE (occurred_at AT TIME ZONE 'UTC')::date > (now() AT TIME ZONE 'UTC')::date - 7)::int,
          count(*) FILTER (WHERE (occurred_at AT TIME ZONE 'UTC')::date > (now() AT TIME ZONE 'UTC')::date - 30)::int,
          count(*) FILTER (WHERE (occurred_at AT TIME ZONE 'UTC')::date > (now() AT TIME ZONE 'UTC')::date - 90)::int,
          min(occurred_at), max(occurred_at)
        FROM interaction_subjects WHERE subject_id = $1 AND contact
        GROUP BY channel, direction
        """,
        connection);
    command.Parameters.AddWithValue(personId);
    var rows = new List<(string, string, int, int, int, DateTimeOffset, DateTimeOffset)>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        // Stored by the contract's C# names: "Phone", "Outbound".
        rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
    }

    return rows;
}
