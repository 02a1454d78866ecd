using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// PostgreSQL functions the search translates to. <see cref="Matches"/> is our own one-line SQL
/// function over pg_trgm's word-similarity operator: PostgreSQL inlines it, so the trigram index
/// still serves the query.
/// </summary>
public static class SearchFunctions
{
    public static bool Matches(string document, string query) => throw new InvalidOperationException("Translated to SQL only.");

    /// <summary>pg_trgm's similarity operator (%) over name keys, through our inlined company_names_alike, so the trigram index serves it.</summary>
    public static bool NamesAlike(string nameKey, string other) => throw new InvalidOperationException("Translated to SQL only.");

    public static double WordSimilarity(string query, string document) => throw new InvalidOperationException("Translated to SQL only.");

    public static double Similarity(string left, string right) => throw new InvalidOperationException("Translated to SQL only.");

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(Similarity))!).HasName("similarity").IsBuiltIn();
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(Matches))!).HasName("company_search_match");
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(NamesAlike))!).HasName("company_names_alike");
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(WordSimilarity))!).HasName("word_similarity").IsBuiltIn();
    }
}
