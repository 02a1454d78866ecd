using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Profiles.Data;
using Microsoft.EntityFrameworkCore;
using Company = CrmPlatform.Profiles.Data.Company;

namespace CrmPlatform.Profiles.Duplicates;

/// <summary>
/// Finds companies that are likely one. Every signal is a shared key — registration number,
/// domain, normalised name, an email or phone of the company or its current people — except a
/// similar name, found through the trigram index, which is asked for one company at a time only:
/// tenant-wide, pairs come from shared keys (hash joins that stay fast at millions of companies).
/// </summary>
internal sealed class DuplicateFinder(ProfilesDbContext db)
{
    /// <summary>How alike two name keys must be (pg_trgm similarity) to be a signal at all.</summary>
    private const string SetNameThreshold = "SET LOCAL pg_trgm.similarity_threshold = 0.5";

    /// <summary>Phone numbers shorter than this (extensions, bad data) say nothing about identity.</summary>
    private const int MinPhoneDigits = 7;

    /// <summary>Names shorter than this once normalised ("AB Co") are too short to tell companies apart.</summary>
    private const int MinNameKeyLength = 3;

    /// <summary>A key more companies than this share is a switchboard or a shared mailbox, not an identity.</summary>
    private const int MaxCompaniesPerKey = 20;

    public sealed record Candidate(Company Company, Company Duplicate, double Score, IReadOnlyList<Evidence> Reasons);

    /// <summary>The live companies likely to be <paramref name="company"/>, best first.</summary>
    public async Task<List<Candidate>> Of(Company company, double minScore, int limit, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking()
            .Where(p => p.CompanyId == company.Id && p.LeftOn == null)
            .Select(p => new { p.Emails, p.PhoneDigits })
            .ToListAsync(cancellationToken);
        var emails = people.SelectMany(p => p.Emails).Append(company.Email).OfType<string>().Select(e => e.ToLowerInvariant()).ToHashSet();
        var phones = people.SelectMany(p => p.PhoneDigits).Append(company.PhoneDigits).OfType<string>().Where(d => d.Length >= MinPhoneDigits).ToHashSet();

        var evidence = new Dictionary<Guid, List<Evidence>>();
        void Found(Guid other, DuplicateSignal signal, string value)
        {
            if (other != company.Id)
            {
                (evidence.TryGetValue(other, out var list) ? list : evidence[other] = []).Add(Evidence.Of(signal, value));
            }
        }

        var others = db.Companies.AsNoTracking().Where(c => c.DeletedAt == null && c.Id != company.Id);
        if (company.RegistrationNumber is { } registration)
        {
            foreach (var id in await others.Where(c => c.RegistrationNumber == registration).Select(c => c.Id).Take(MaxCompaniesPerKey).ToListAsync(cancellationToken))
            {
                Found(id, DuplicateSignal.SameRegistrationNumber, registration);
            }
        }

        if (company.Domain is { } domain)
        {
            foreach (var id in await others.Where(c => c.Domain == domain).Select(c => c.Id).Take(MaxCompaniesPerKey).ToListAsync(cancellationToken))
            {
                Found(id, DuplicateSignal.SameDomain, domain);
            }
        }

        var key = company.NameKey;
        if (key.Length >= MinNameKeyLength)
        {
            foreach (var id in await others.Where(c => c.NameKey == key).Select(c => c.Id).Take(MaxCompaniesPerKey).ToListAsync(cancellationToken))
            {
                Found(id, DuplicateSignal.SameName, key);
            }
        }

        foreach (var match in await others.Where(c => (c.Email != null && emails.Contains(c.Email)) || (c.PhoneDigits != null && phones.Contains(c.PhoneDigits)))
                     .Select(c => new { c.Id, c.Email, c.PhoneDigits }).Take(MaxCompaniesPerKey).ToListAsync(cancellationToken))
        {
            Shared(match.Id, [match.Email], [match.PhoneDigits]);
        }

        foreach (var match in await db.People.AsNoTracking()
                     .Where(p => p.CompanyId != company.Id && p.LeftOn == null && (p.Emails.Any(e => emails.Contains(e)) || p.PhoneDigits.Any(d => phones.Contains(d))))
                     .Select(p => new { p.CompanyId, p.Emails, p.PhoneDigits }).Take(MaxCompaniesPerKey * 5).ToListAsync(cancellationToken))
        {
            Shared(match.CompanyId, match.Emails, match.PhoneDigits);
        }

        void Shared(Guid other, IEnumerable<string?> theirEmails, IEnumerable<string?> theirPhones)
        {
            foreach (var email in theirEmails.OfType<string>().Select(e => e.ToLowerInvariant()).Where(emails.Contains))
            {
                Found(other, DuplicateSignal.SharedEmail, email);
            }

            foreach (var phone in theirPhones.OfType<string>().Where(phones.Contains))
            {
                Found(other, DuplicateSignal.SharedPhone, phone);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SetNameThreshold, cancellationToken);
        var alike = key.Length < MinNameKeyLength
            ? []
            : await others.Where(c => SearchFunctions.NamesAlike(c.NameKey, key)).Select(c => c.Id).Take(MaxCompaniesPerKey * 5).ToListAsync(cancellationToken);
        var ids = evidence.Keys.Concat(alike).Distinct().ToList();
        var candidates = await others.Where(c => ids.Contains(c.Id))
            .Select(c => new { Company = c, Similarity = SearchFunctions.Similarity(c.NameKey, key) })
            .ToListAsync(cancellationToken);

        return candidates
            .Select(c => Weigh(company, c.Company, c.Similarity, evidence.GetValueOrDefault(c.Company.Id) ?? []))
            .Where(c => c.Reasons.Count > 0 && c.Score >= minScore)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Duplicate.Id)
            .Take(limit)
            .ToList();
    }

    /// <summary>The tenant's likely duplicate pairs, best first; each pair once, the older company first.</summary>
    public async Task<List<Candidate>> Pairs(double minScore, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<SharedKey>(SharedKeysSql, MinPhoneDigits, MaxCompaniesPerKey, db.TenantId, MinNameKeyLength).ToListAsync(cancellationToken);
        var pairs = rows
            .GroupBy(r => (r.CompanyId, r.DuplicateId))
            .Select(g => (Pair: g.Key, Similarity: g.First().NameSimilarity, Reasons: g.Select(r => Evidence.Of((DuplicateSignal)r.Signal, r.Value)).ToList()))
            .Select(p => (p.Pair, p.Similarity, p.Reasons, Score: Evidence.Score(WithSimilarName(p.Reasons, p.Similarity))))
            .Where(p => p.Score >= minScore)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Pair.CompanyId).ThenBy(p => p.Pair.DuplicateId)
            .Take(limit)
            .ToList();

        var ids = pairs.SelectMany(p => new[] { p.Pair.CompanyId, p.Pair.DuplicateId }).Distinct().ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return pairs
            .Select(p => Weigh(companies[p.Pair.CompanyId], companies[p.Pair.DuplicateId], p.Similarity, p.Reasons))
            .ToList();
    }

    private static Candidate Weigh(Company company, Company duplicate, double nameSimilarity, List<Evidence> reasons)
    {
        var all = WithSimilarName(reasons, nameSimilarity);
        return new Candidate(company, duplicate, Evidence.Score(all), all);
    }

    /// <summary>A similar name is evidence unless the names are already the same key.</summary>
    private static List<Evidence> WithSimilarName(List<Evidence> reasons, double similarity) =>
        similarity >= 0.5 && reasons.All(r => r.Signal != DuplicateSignal.SameName)
            ? [.. reasons, Evidence.SimilarName(similarity)]
            : reasons;

    /// <summary>One key two live companies share, with how alike their name keys are.</summary>
    private sealed record SharedKey(Guid CompanyId, Guid DuplicateId, int Signal, string Value, double NameSimilarity);

    // Every key of every live company of the tenant (and of its current people), grouped by value:
    // each group of 2..MaxCompaniesPerKey companies yields its pairs. Signals are
    // crm.profiles.v1.DuplicateSignal numbers. RLS holds the tenant too; the explicit tenant_id
    // lets the (tenant_id, ...) indexes serve.
    private const string SharedKeysSql = """
        WITH live AS (
            SELECT id, registration_number, domain, name_key, email, phone_digits FROM companies WHERE tenant_id = {2} AND deleted_at IS NULL),
        keys AS (
            SELECT id AS company_id, 1 AS signal, registration_number AS value FROM live WHERE registration_number IS NOT NULL
            UNION SELECT id, 2, domain FROM live WHERE domain IS NOT NULL
            UNION SELECT id, 3, name_key FROM live WHERE length(name_key) >= {3}
            UNION SELECT id, 5, email FROM live WHERE email IS NOT NULL
            UNION SELECT id, 6, phone_digits FROM live WHERE length(phone_digits) >= {0}
            UNION SELECT p.company_id, 5, lower(e) FROM people p JOIN live ON live.id = p.company_id CROSS JOIN unnest(p.emails) e
                WHERE p.tenant_id = {2} AND p.left_on IS NULL
            UNION SELECT p.company_id, 6, d FROM people p JOIN live ON live.id = p.company_id CROSS JOIN unnest(p.phone_digits) d
                WHERE p.tenant_id = {2} AND p.left_on IS NULL AND length(d) >= {0}),
        shared AS (
            SELECT signal, value, array_agg(company_id) AS companies FROM keys
            GROUP BY signal, value HAVING count(*) BETWEEN 2 AND {1})
        SELECT a.id AS company_id, b.id AS duplicate_id, s.signal, s.value,
               similarity(ca.name_key, cb.name_key)::float8 AS name_similarity
        FROM shared s
        CROSS JOIN unnest(s.companies) a(id)
        CROSS JOIN unnest(s.companies) b(id)
        JOIN live ca ON ca.id = a.id
        JOIN live cb ON cb.id = b.id
        WHERE a.id < b.id
        """;
}
