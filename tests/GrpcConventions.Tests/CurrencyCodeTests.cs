using CrmPlatform.GrpcConventions;

namespace CrmPlatform.GrpcConventions.Tests;

public class CurrencyCodeTests
{
    [Theory]
    [InlineData("EUR")]
    [InlineData("SEK")]
    [InlineData("USD")]
    [InlineData("XCG")]
    public void IsCurrencyCode_AcceptsActiveIso4217Codes(string code) =>
        Assert.True(CommonTypes.IsCurrencyCode(code));

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("ABC")]
    [InlineData("eur")]
    [InlineData("HRK")]
    [InlineData("XTS")]
    [InlineData("")]
    [InlineData(null)]
    public void IsCurrencyCode_RefusesCodesThatAreNotActiveIso4217Currencies(string? code) =>
        Assert.False(CommonTypes.IsCurrencyCode(code));
}
