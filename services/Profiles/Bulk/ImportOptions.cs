using System.ComponentModel.DataAnnotations;

namespace CrmPlatform.Profiles.Bulk;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>
    /// Rows written per transaction, and so per report message. 2,000 keeps a batch's COPY and
    /// upsert well under a second; the tests set a small one to cross batches with few rows.
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;
}
