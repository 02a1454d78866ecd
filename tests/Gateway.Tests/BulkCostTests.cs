using CrmPlatform.Gateway.RateLimiting;

namespace CrmPlatform.Gateway.Tests;

public class BulkCostTests
{
    [Fact]
    public void Owed_IsNothing_BelowOneChunk()
    {
        Assert.Equal(0, BulkCost.Owed(BulkCost.BytesPerToken - 1, charged: 0));
    }

    [Fact]
    public void Owed_IsOneTokenPerChunkRead()
    {
        Assert.Equal(3, BulkCost.Owed(3L * BulkCost.BytesPerToken + 10, charged: 0));
    }

    [Fact]
    public void Owed_SubtractsWhatWasAlreadyCharged()
    {
        Assert.Equal(1, BulkCost.Owed(3L * BulkCost.BytesPerToken, charged: 2));
    }

    [Fact]
    public void Owed_ChargesAMillionRowImportAsThousandsOfRequests()
    {
        // A million companies in CSV is some 250 MB.
        Assert.True(BulkCost.Owed(250L * 1024 * 1024, charged: 0) >= 4000);
    }
}
