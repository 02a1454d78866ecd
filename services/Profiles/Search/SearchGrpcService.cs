using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Search;

/// <summary>crm.profiles.v1.SearchService: finding a client by what someone remembers of it, misspelt or half.</summary>
public sealed class SearchGrpcService(ProfilesDbContext db, PageTokens pages)
    : Proto.SearchService.SearchServiceBase
{
    /// <summary>
    /// How alike a query word and a word of the profile must be (pg_trgm word similarity, 0..1).
    /// pg_trgm's default of 0.6 misses ordinary typos such as "timbr" for "timber"; 0.3 catches
    /// more (a typo in the second letter of a four-letter word) but, among a million companies,
    /// lets a misspelt word match some 30,000 of them, each to be scored: 11.6 s against 0.4 s
    /// at 0.5 for one such search (measured with the benchmark's data set).
    /// </summary>
    private const string SetMatchThreshold = "SET LOCAL pg_trgm.word_similarity_threshold = 0.5";

    public override async Task<Proto.SearchCompaniesResponse> SearchCompanies(Proto.SearchCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var text = request.Query.Trim().ToLowerInvariant();
        violations.MaxLength("query", text, 200);
        var filter = CompanyFilter.Build(request.Filter, violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var companies = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null);
        if (filter is not null)
        {
            companies = companies.Where(filter);
        }

        // A company is found by its own words or by a current person's name or email, when every
        // word of the query matches (misspelt or not). Matching word by word keeps a query like
        // "votymar iron metals" from matching every company with "metals" in its name; the
        // trigram index intersects the words. Companies and people are matched apart and joined,
        // each through its own index: an OR of both in one condition would test every company.
        var people = db.People.Where(p => p.LeftOn == null);
        if (text.Length > 0)
        {
            var byCompany = db.Companies.AsQueryable();
            var byPerson = people;
            foreach (var word in QueryWords(text))
            {
                byCompany = byCompany.Where(c => SearchFunctions.Matches(c.SearchText, word));
                byPerson = byPerson.Where(p => SearchFunctions.Matches(p.SearchText, word));
            }

            var found = byCompany.Select(c => c.Id).Union(byPerson.Select(p => p.CompanyId));
            companies = companies.Where(c => found.Contains(c.Id));
        }

        // Best word match first; a name alike as a whole breaks ties (an exact name beats a longer one).
        var scored = companies.Select(c => new
        {
            Company = c,
            Score = text.Length == 0 ? 0 : Math.Max(
                SearchFunctions.WordSimilarity(text, c.SearchText) + SearchFunctions.Similarity(text, c.Name.ToLower()),
                people.Where(p => p.CompanyId == c.Id).Max(p => (double?)SearchFunctions.WordSimilarity(text, p.SearchText)) ?? 0),
        });
        if (page.After is { } cursor)
        {
            var (score, id) = (cursor.Score, cursor.Id);
            scored = scored.Where(x => x.Score < score || (x.Score == score && x.Company.Id.CompareTo(id) > 0));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(SetMatchThreshold, context.CancellationToken);
        var (results, nextPageToken) = await scored.OrderByDescending(x => x.Score).ThenBy(x => x.Company.Id)
            .ToPageAsync(page, x => PageCursor.At(x.Score, x.Company.Id), context.CancellationToken);
        var policy = await db.ReviewPolicy(context.CancellationToken);
        return new Proto.SearchCompaniesResponse
        {
            Results = { results.Select(x => new Proto.SearchResult { Company = x.Company.ToProto(policy), Score = x.Score }) },
            NextPageToken = nextPageToken,
        };
    }

    /// <summary>
    /// The words every match must contain. Words under three letters ("ab", "&") have too few
    /// trigrams to narrow anything and only count towards the ranking; a query of nothing else is
    /// matched whole.
    /// </summary>
    private static List<string> QueryWords(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 3).Distinct().ToList();
        return words.Count > 0 ? words : [text];
    }
}
