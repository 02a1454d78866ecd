using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.GrpcConventions.Tests;

public class FieldMaskApplierTests
{
    [Fact]
    public void Apply_WithAMapFieldInTheMask_ReplacesTheWholeMap()
    {
        var source = Struct(("a", 1));
        var target = Struct(("b", 2), ("c", 3));

        FieldMaskApplier.Apply(["fields"], source, target);

        Assert.Equal(source, target);
    }

    [Fact]
    public void Apply_WithAMapKeyInTheMask_SetsThatEntryOnly()
    {
        var target = Struct(("a", 1), ("b", 2));

        FieldMaskApplier.Apply(["fields.a"], Struct(("a", 9), ("b", 8)), target);

        Assert.Equal(Struct(("a", 9), ("b", 2)), target);
    }

    [Fact]
    public void Apply_WithAMapKeyTheSourceLacks_RemovesThatEntry()
    {
        var target = Struct(("a", 1), ("b", 2));

        FieldMaskApplier.Apply(["fields.a"], new Struct(), target);

        Assert.Equal(Struct(("b", 2)), target);
    }

    [Fact]
    public void Apply_WithARepeatedFieldInTheMask_ReplacesTheWholeList()
    {
        var target = new Address { Lines = { "old 1", "old 2" } };

        FieldMaskApplier.Apply(["lines"], new Address { Lines = { "new" } }, target);

        Assert.Equal(["new"], target.Lines);
    }

    [Fact]
    public void Apply_WithANestedPath_ChangesOnlyThatSubField()
    {
        var target = new Value { StructValue = Struct(("a", 1), ("b", 2)) };

        FieldMaskApplier.Apply(["struct_value.fields.a"], new Value { StructValue = Struct(("a", 9), ("b", 8)) }, target);

        Assert.Equal(Struct(("a", 9), ("b", 2)), target.StructValue);
    }

    [Fact]
    public void Apply_WithAOneofMemberTheSourceLacks_ClearsIt()
    {
        var target = new Value { StructValue = Struct(("a", 1)) };

        FieldMaskApplier.Apply(["struct_value"], new Value(), target);

        Assert.Equal(Value.KindOneofCase.None, target.KindCase);
    }

    [Fact]
    public void Apply_WithAScalarOneofMemberTheSourceLacks_LeavesTheTargetsOtherCase()
    {
        var target = new Value { StringValue = "kept" };

        FieldMaskApplier.Apply(["number_value"], new Value(), target);

        Assert.Equal("kept", target.StringValue);
    }

    [Fact]
    public void Apply_CopiesMessages_SoChangingTheSourceLaterLeavesTheTargetAlone()
    {
        var source = Struct(("a", 1));
        var target = new Struct();

        FieldMaskApplier.Apply(["fields"], source, target);
        source.Fields["a"].NumberValue = 2;

        Assert.Equal(1, target.Fields["a"].NumberValue);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("fields.any_key")]
    public void IsValid_AcceptsAMapAndOneOfItsKeys(string path) =>
        Assert.True(FieldMaskApplier.IsValid(Google.Protobuf.WellKnownTypes.Struct.Descriptor, path));

    [Theory]
    [InlineData("nope")]
    [InlineData("fields.a.b")]
    [InlineData("fields.")]
    public void IsValid_RefusesUnknownFieldsAndPathsBeyondAMapKey(string path) =>
        Assert.False(FieldMaskApplier.IsValid(Google.Protobuf.WellKnownTypes.Struct.Descriptor, path));

    [Fact]
    public void IsValid_RefusesAPathIntoAList() =>
        Assert.False(FieldMaskApplier.IsValid(Address.Descriptor, "lines.first"));

    private static Struct Struct(params (string Key, double Value)[] entries)
    {
        var result = new Struct();
        foreach (var (key, value) in entries)
        {
            result.Fields[key] = Value.ForNumber(value);
        }

        return result;
    }
}
