using System.Diagnostics;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// Searches as people type them: part of a real company's name, misspelt, sometimes narrowed by
/// a filter. Each search runs on every path, the order alternating, so no path always gets the
/// other's warm cache.
/// </summary>
public static class SearchLatency
{
    public const int PageSize = 10;

    public sealed record Query(SearchCompaniesRequest Request, string ExternalId);

    public sealed class Sample
    {
        public List<double> Milliseconds { get; } = [];

        /// <summary>Searches whose page held the company the query was made from.</summary>
        public int Found { get; set; }

        /// <summary>Searches that failed (a timeout at the gateway, say), by status; not in the latencies.</summary>
        public List<StatusCode> Failures { get; } = [];

        public double Percentile(double p)
        {
            var sorted = Milliseconds.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        }
    }

    /// <summary><paramref name="count"/> queries, each made from a random company of <paramref name="companies"/>; every fourth with a filter it passes.</summary>
    public static List<Query> Make(IReadOnlyList<Company> companies, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<Query>(count);
        for (var i = 0; i < count; i++)
        {
            var company = companies[random.Next(companies.Count)];
            // The name is "<brand> <qualifier> <sector> <legal form>"; people remember the brand.
            var words = company.Name.Split(' ');
            string[] remembered = random.Next(3) switch
            {
                0 => [words[0]],
                1 => [words[0], words[2]],
                _ => [words[0], words[1], words[2]],
            };
            var text = string.Join(' ', remembered.Select((w, index) => index == 0 || random.Next(2) == 0 ? Typo(w, random) : w)).ToLowerInvariant();
            var request = new SearchCompaniesRequest { Query = text, PageSize = PageSize };
            if (i % 4 == 0)
            {
                request.Filter = Filter(company, i % 8 == 0);
            }

            queries.Add(new Query(request, company.ExternalId));
        }

        return queries;
    }

    /// <summary>
    /// Runs the queries in order on every path until they run out or <paramref name="budget"/> is
    /// spent: a slow search is measured fewer times rather than for hours.
    /// </summary>
    public static async Task<Dictionary<string, Sample>> Run(
        IReadOnlyList<Query> queries, TimeSpan budget, IReadOnlyDictionary<string, Func<SearchCompaniesRequest, Task<SearchCompaniesResponse>>> paths)
    {
        var samples = paths.Keys.ToDictionary(p => p, _ => new Sample());
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count && spent.Elapsed < budget; i++)
        {
            foreach (var path in i % 2 == 0 ? paths.Keys : paths.Keys.Reverse())
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    var response = await paths[path](queries[i].Request);
                    samples[path].Milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                    samples[path].Found += response.Results.Any(r => r.Company.ExternalId == queries[i].ExternalId) ? 1 : 0;
                }
                catch (RpcException e)
                {
                    samples[path].Failures.Add(e.StatusCode);
                }
            }
        }

        return samples;
    }

    /// <summary>One slip of the keyboard in a word of four letters or more: a letter dropped, or two swapped.</summary>
    private static string Typo(string word, Random random)
    {
        if (word.Length < 4)
        {
            return word;
        }

        var at = random.Next(1, word.Length - 1);
        return random.Next(2) == 0
            ? word.Remove(at, 1)
            : word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
    }

    /// <summary>Either one AND-group (same country, more than half its employees) or the README's OR of two groups.</summary>
    private static CompanyFilter Filter(Company company, bool orGroups)
    {
        static CompanyCondition Condition(string field, ConditionOperator op, string value) => new() { Field = field, Operator = op, Value = value };

        var sameCountry = Condition("country_code", ConditionOperator.Equals, company.Headquarters.CountryCode);
        return orGroups
            ? new CompanyFilter
            {
                AnyOf =
                {
                    new CompanyConditionGroup { AllOf = { Condition("lifecycle_stage", ConditionOperator.Equals, "CUSTOMER"), Condition("employee_count", ConditionOperator.GreaterThan, "100") } },
                    new CompanyConditionGroup { AllOf = { sameCountry } },
                },
            }
            : new CompanyFilter
            {
                AnyOf = { new CompanyConditionGroup { AllOf = { sameCountry, Condition("employee_count", ConditionOperator.GreaterThan, (company.EmployeeCount / 2).ToString()) } } },
            };
    }
}
