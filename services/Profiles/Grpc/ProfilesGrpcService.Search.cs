using System.Buffers.Binary;
using System.Buffers.Text;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Profiles.Data;
using CrmPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Finding a client by what someone remembers of it, misspelt or half.</summary>
public sealed partial class ProfilesGrpcService
{
    /// <summary>
    /// How alike a query word and a word of the profile must be (pg_trgm word similarity, 0..1).
    /// pg_trgm's default of 0.6 misses ordinary typos such as "timbr" for "timber"; 0.3 catches
    /// more (a typo in the second letter of a four-letter word) but, among a million companies,
    /// lets a misspelt word match some 30,000 of them, each to be scored: 11.6 s against 0.4 s
    /// at 0.5 for one such search (measured with the benchmark's data set).
    /// </summary>
    private const string SetMatchThreshold = "SET LOCAL pg_trgm.word_similarity_threshold = 0.5";

    public override async Task<SearchCompaniesResponse> SearchCompanies(SearchCompaniesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var text = request.Query.Trim().ToLowerInvariant();
        violations.MaxLength("query", text, 200);
        var filter = Domain.CompanyFilter.Build(request.Filter, violations);
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = SearchCursor.Read(request.PageToken, violations);
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
        if (after is var (score, id))
        {
            scored = scored.Where(x => x.Score < score || (x.Score == score && x.Company.Id.CompareTo(id) > 0));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(SetMatchThreshold, context.CancellationToken);
        var page = await scored.OrderByDescending(x => x.Score).ThenBy(x => x.Company.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var policy = await db.ReviewPolicy(context.CancellationToken);

        var more = page.Count > pageSize;
        var results = page.Take(pageSize).ToList();
        return new SearchCompaniesResponse
        {
            Results = { results.Select(x => new SearchResult { Company = x.Company.ToProto(policy), Score = x.Score }) },
            NextPageToken = more ? SearchCursor.Write(results[^1].Score, results[^1].Company.Id) : "",
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

    /// <summary>Results are ordered by score, so the page token carries the last score with the id.</summary>
    private static class SearchCursor
    {
        public static string Write(double score, Guid id)
        {
            Span<byte> bytes = stackalloc byte[24];
            BinaryPrimitives.WriteDoubleBigEndian(bytes, score);
            id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
            return Base64Url.EncodeToString(bytes);
        }

        public static (double Score, Guid Id)? Read(string token, FieldViolations violations)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[24];
            if (Base64Url.IsValid(token, out var length) && length == 24 && Base64Url.TryDecodeFromChars(token, bytes, out _)
                && BinaryPrimitives.ReadDoubleBigEndian(bytes) is var score && double.IsFinite(score))
            {
                return (score, new Guid(bytes[8..], bigEndian: true));
            }

            violations.Add("page_token", "is not a page token this service issued");
            return null;
        }
    }
}
