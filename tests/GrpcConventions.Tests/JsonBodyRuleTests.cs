using System.Text;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.Reflection;

namespace CrmPlatform.GrpcConventions.Tests;

public class JsonBodyRuleTests
{
    [Fact]
    public void UnknownField_IsNamedAsSent() =>
        Assert.Equal(["emial"], Fields("""{"city":"Umeå","emial":"a@b.se"}""", Address.Descriptor));

    [Fact]
    public void UnknownFieldInANestedMessage_IsNamedByItsPath() =>
        Assert.Equal(["request.auth.principl"], Fields("""{"auth":{"principl":"x"}}""", Request, "request"));

    [Fact]
    public void JsonNamesAndContractNames_AreBothAccepted() =>
        Assert.Empty(Fields("""{"currencyCode":"EUR","units":"12","nanos":5}""", Money.Descriptor)
            .Concat(Fields("""{"currency_code":"EUR","units":12}""", Money.Descriptor)));

    [Theory]
    [InlineData("""{"units":"many"}""", "units")]
    [InlineData("""{"units":1.5}""", "units")]
    [InlineData("""{"nanos":10000000000}""", "nanos")]
    [InlineData("""{"currencyCode":12}""", "currency_code")]
    public void ValueOfTheWrongType_IsNamedByTheContractsFieldName(string json, string field) =>
        Assert.Equal([field], Fields(json, Money.Descriptor));

    [Theory]
    [InlineData("""{"lines":"one line"}""", "lines")]
    [InlineData("""{"lines":["ok",7]}""", "lines[1]")]
    [InlineData("""{"kind":"ADDRESS_KIND_CASTLE"}""", "kind")]
    public void ListsAndEnums_AreChecked(string json, string field) =>
        Assert.Equal([field], Fields(json, Address.Descriptor));

    [Fact]
    public void AMap_IsCheckedEntryByEntry() =>
        Assert.Equal(["headers.seats"], Fields("""{"headers":{"ok":"1","seats":1}}""", Request));

    [Fact]
    public void NullValuesAndEnumNumbers_AreAccepted() =>
        Assert.Empty(Fields("""{"city":null,"kind":2,"lines":null}""", Address.Descriptor));

    [Fact]
    public void WellKnownTypes_TakeTheirOwnJsonForms() =>
        Assert.Empty(Fields("""{"time":"2026-01-01T00:00:00Z"}""", Request));

    [Fact]
    public void ATimestampThatIsNotAString_IsRefused() =>
        Assert.Equal(["time"], Fields("""{"time":5}""", Request));

    [Fact]
    public void AStringWithALoneSurrogateEscape_IsNamed() =>
        Assert.Equal(["city"], Fields("""{"city":"a\ud800b"}""", Address.Descriptor));

    [Fact]
    public void JsonThatDoesNotParse_IsNamedWhereItBreaks() =>
        Assert.Equal(["company.headquarters.lines[1]"], Fields("""{"headquarters":{"lines":["a", nope]}}""", Address.Descriptor, "company"));

    [Fact]
    public void JsonThatDoesNotParseInsideAListItem_IsNamedByThatItem() =>
        Assert.Equal(["lines[0].x"], Fields("""{"lines":[{"x": nope}]}""", Address.Descriptor));

    [Fact]
    public void JsonThatDoesNotParseAtTheTop_IsNamedAsTheWholeBody() =>
        Assert.Equal(["$"], Fields("""not json""", Address.Descriptor));

    [Fact]
    public void ABodyThatIsNotAnObject_IsRefused() =>
        Assert.Equal(["$"], Fields("""[1,2]""", Address.Descriptor));

    // A message with a nested message, a map and a timestamp, from the common Google types.
    private static MessageDescriptor Request => Google.Rpc.Context.AttributeContext.Types.Request.Descriptor;

    private static IReadOnlyList<string> Fields(string json, MessageDescriptor descriptor, string prefix = "") =>
        JsonBodyRule.Check(Encoding.UTF8.GetBytes(json), descriptor, prefix, new FieldViolations()).ToList().Select(v => v.Field).ToList();
}
