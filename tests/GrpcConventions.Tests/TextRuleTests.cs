using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;

namespace CrmPlatform.GrpcConventions.Tests;

public class TextRuleTests
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\u0001b")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    public void SingleLineText_IsRefused_WithAControlCharacterOrBrokenUnicode(string text) =>
        Assert.NotNull(TextRule.Problem(text, multiline: false));

    [Theory]
    [InlineData("Met the CFO.\nThey want a quote.\r\n\tNext: call.")]
    [InlineData("Umeå, 北京, emoji 🌲")]
    public void MultilineText_AllowsTabsAndLineBreaksAndAnyUnicode(string text) =>
        Assert.Null(TextRule.Problem(text, multiline: true));

    [Fact]
    public void Text_IsRefused_WithALoneSurrogate() =>
        // Not in an attribute: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.Equal("must be valid Unicode text", TextRule.Problem("lone \ud800 surrogate", multiline: true));

    [Fact]
    public void MultilineText_StillRefusesNul() =>
        Assert.NotNull(TextRule.Problem("a\0b", multiline: true));

    [Fact]
    public void Text_NamesEveryBadStringByItsPath_InListsAndNestedMessages()
    {
        var address = new Address { City = "Ume\0å", Lines = { "ok", "bad\u0007" } };

        var violations = new FieldViolations().Text(address, "headquarters").ToList();

        Assert.Equal(["headquarters.lines[1]", "headquarters.city"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Text_IsRefused_WhenLongerThanAnyFieldTheContractsStore() =>
        Assert.Equal($"must be at most {TextRule.MaxLength} characters", TextRule.Problem(new string('a', TextRule.MaxLength + 1), multiline: true));

    [Fact]
    public void Text_AtTheLongestAllowedLength_IsAccepted() =>
        Assert.Null(TextRule.Problem(new string('a', TextRule.MaxLength), multiline: true));
}
