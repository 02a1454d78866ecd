using CrmPlatform.Billing.Behaviour;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class PaydexScaleTests
{
    [Theory]
    [InlineData(-20, 100)]
    [InlineData(-10, 90)]
    [InlineData(0, 80)]
    [InlineData(15, 70)]
    [InlineData(30, 50)]
    [InlineData(60, 40)]
    [InlineData(90, 30)]
    [InlineData(120, 20)]
    [InlineData(240, 1)]
    public void Score_IsTheAnchor_AtEachAnchorPoint(int days, int score)
    {
        Assert.Equal(score, PaydexScale.ScoreFor(days));
    }

    [Theory]
    [InlineData("-45", 100)]
    [InlineData("400", 1)]
    public void Score_StaysAtTheEnds_BeyondTheOuterAnchors(string days, int score)
    {
        Assert.Equal(score, PaydexScale.ScoreFor(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("22.5", 60)]
    [InlineData("45", 45)]
    [InlineData("7", 75)]
    [InlineData("-5", 85)]
    [InlineData("180", 11)]
    public void Score_IsOnTheStraightLine_BetweenTwoAnchors(string days, int score)
    {
        // 7 days: 80 + 7 × (70 − 80) ÷ 15 = 75.33 → 75; 180 days: 20 + 60 × (1 − 20) ÷ 120 = 10.5 → 11.
        Assert.Equal(score, PaydexScale.ScoreFor(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Score_RoundsHalfAwayFromZero()
    {
        // 8.25 days: 80 − 8.25 × 10 ÷ 15 = 74.5 exactly → 75.
        Assert.Equal((74.5m, 75), (PaydexScale.ExactScoreFor(8.25m), PaydexScale.ScoreFor(8.25m)));
    }
}
