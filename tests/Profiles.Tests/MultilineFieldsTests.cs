using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

/// <summary>The contract's (crm.common.v1.multiline) marks reach the shared text rule.</summary>
public class MultilineFieldsTests
{
    [Fact]
    public void PersonNotes_AreMultiline_SoLineBreaksAreAccepted() =>
        Assert.True(new FieldViolations().Text(new Proto.Person { Notes = "Met at the fair.\nFollow up in May." }).IsEmpty);

    [Fact]
    public void PersonName_IsSingleLine_SoALineBreakIsRefusedByName() =>
        Assert.Equal("person.given_name", Assert.Single(new FieldViolations().Text(new Proto.Person { GivenName = "An\nna" }, "person").ToList()).Field);

    [Fact]
    public void CustomTextValues_AreMultiline() =>
        Assert.True(new FieldViolations().Text(new Proto.Company { CustomFields = { ["note"] = new() { TextValue = "a\r\nb" } } }).IsEmpty);

    [Fact]
    public void CustomFieldValue_WithANul_IsNamedByItsKey() =>
        Assert.Equal("custom_fields.note.text_value", Assert.Single(new FieldViolations().Text(new Proto.Company { CustomFields = { ["note"] = new() { TextValue = "a\0b" } } }).ToList()).Field);
}
