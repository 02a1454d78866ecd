using CrmPlatform.Interactions.Contacts;

namespace CrmPlatform.Interactions.Tests;

/// <summary>How contact reasons speak of counts and times.</summary>
public sealed class ContactWordsTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void Ordinal_TakesTheEnglishSuffix(int n, string ordinal)
    {
        Assert.Equal(ordinal, ContactWords.Ordinal(n));
    }

    [Theory]
    [InlineData(30, "just now")]
    [InlineData(90, "1 minute ago")]
    [InlineData(5 * 60, "5 minutes ago")]
    [InlineData(59 * 60 + 59, "59 minutes ago")]
    [InlineData(60 * 60, "1 hour ago")]
    [InlineData(2 * 3600, "2 hours ago")]
    [InlineData(23 * 3600 + 59 * 60, "23 hours ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(50 * 3600, "2 days ago")]
    [InlineData(40 * 86400, "40 days ago")]
    public void Ago_SaysHowLongAgoInTheLargestWholeUnit(int seconds, string words)
    {
        Assert.Equal(words, ContactWords.Ago(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(7 * 24 * 60, "7 days")]
    [InlineData(48 * 60, "2 days")]
    [InlineData(90 * 24 * 60, "90 days")]
    [InlineData(36 * 60, "36 hours")]
    [InlineData(2 * 60, "2 hours")]
    public void Period_IsInWholeDaysWhereItCanBe_ElseInHours(int minutes, string words)
    {
        Assert.Equal(words, ContactWords.Period(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData(24 * 60, "1 day")]
    [InlineData(60, "1 hour")]
    public void Period_OfOne_IsSingular(int minutes, string words)
    {
        Assert.Equal(words, ContactWords.Period(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Period_OfPartHours_IsInMinutes()
    {
        Assert.Equal("90 minutes", ContactWords.Period(TimeSpan.FromMinutes(90)));
    }

    [Fact]
    public void When_WithinTheWeek_IsTheDayAndTime()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("Wednesday 10:00 UTC", ContactWords.When(now.AddHours(46), now));
    }

    [Fact]
    public void When_AWeekOrMoreAhead_IsTheDate()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-01 12:00 UTC", ContactWords.When(now.AddDays(8), now));
    }
}
