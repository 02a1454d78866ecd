using System.Collections;
using CrmPlatform.Profiles.Updates;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

/// <summary>Walks every field a client may name in an update mask and applies it, maps and lists included.</summary>
public class MaskableFieldsTests
{
    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Updatable.Company.Names)
        {
            data.Add(nameof(Proto.Company), name);
        }

        foreach (var name in Updatable.Person.Names)
        {
            data.Add(nameof(Proto.Person), name);
        }

        foreach (var name in Updatable.Project.Names)
        {
            data.Add(nameof(Proto.Project), name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void EveryUpdatableField_CanBeAppliedFromAMask(string message, string field)
    {
        var descriptor = Descriptor(message);
        var source = Filled(descriptor, depth: 0);
        var target = descriptor.Parser.ParseFrom(ByteString.Empty);

        target = Apply(message, field, source, target);

        var applied = descriptor.FindFieldByName(field).Accessor;
        Assert.Equal(applied.GetValue(source), applied.GetValue(target));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void EveryUpdatableField_CanBeClearedFromAMask(string message, string field)
    {
        var descriptor = Descriptor(message);
        var target = Filled(descriptor, depth: 0);
        var empty = descriptor.Parser.ParseFrom(ByteString.Empty);

        target = Apply(message, field, empty, target);

        var applied = descriptor.FindFieldByName(field).Accessor;
        Assert.Equal(applied.GetValue(empty), applied.GetValue(target));
    }

    [Fact]
    public void UpdateCompany_WithOneCustomFieldInTheMask_SetsThatEntryAndKeepsTheOthers()
    {
        var current = new Proto.Company { CustomFields = { ["seats"] = new() { NumberValue = 1 }, ["tier"] = new() { TextValue = "gold" } } };
        var violations = new FieldViolations();

        var mask = Updatable.Company.Resolve(new() { Paths = { "customFields.seats" } }, new Proto.Company(), violations);
        var after = UpdatableFields<Proto.Company>.Apply(mask, new Proto.Company { CustomFields = { ["seats"] = new() { NumberValue = 12 } } }, current);

        Assert.True(violations.IsEmpty);
        Assert.Equal(12, after.CustomFields["seats"].NumberValue);
        Assert.Equal("gold", after.CustomFields["tier"].TextValue);
    }

    /// <summary>The mask as a client sends it, resolved and applied as UpdateCompany, UpdatePerson and UpdateProject do.</summary>
    private static IMessage Apply(string message, string field, IMessage changes, IMessage current)
    {
        var violations = new FieldViolations();
        IMessage after = message switch
        {
            nameof(Proto.Company) => UpdatableFields<Proto.Company>.Apply(Updatable.Company.Resolve(Mask(field), (Proto.Company)changes, violations), (Proto.Company)changes, (Proto.Company)current),
            nameof(Proto.Person) => UpdatableFields<Proto.Person>.Apply(Updatable.Person.Resolve(Mask(field), (Proto.Person)changes, violations), (Proto.Person)changes, (Proto.Person)current),
            _ => UpdatableFields<Proto.Project>.Apply(Updatable.Project.Resolve(Mask(field), (Proto.Project)changes, violations), (Proto.Project)changes, (Proto.Project)current),
        };
        Assert.True(violations.IsEmpty);
        return after;
    }

    private static FieldMask Mask(string field) => new() { Paths = { field } };

    private static MessageDescriptor Descriptor(string message) => message switch
    {
        nameof(Proto.Company) => Proto.Company.Descriptor,
        nameof(Proto.Person) => Proto.Person.Descriptor,
        _ => Proto.Project.Descriptor,
    };

    /// <summary>A message with every field set to something other than its default.</summary>
    private static IMessage Filled(MessageDescriptor descriptor, int depth)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is { } oneof && oneof.Fields[0] != field)
            {
                continue;
            }

            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                ((IDictionary)field.Accessor.GetValue(message))["key"] = Sample(valueField, depth);
            }
            else if (field.IsRepeated)
            {
                ((IList)field.Accessor.GetValue(message)).Add(Sample(field, depth));
            }
            else if (Sample(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private static object? Sample(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => "x",
        FieldType.Bytes => ByteString.CopyFromUtf8("x"),
        FieldType.Bool => true,
        FieldType.Double => 1.5d,
        FieldType.Float => 1.5f,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 7L,
        FieldType.UInt64 or FieldType.Fixed64 => 7UL,
        FieldType.UInt32 or FieldType.Fixed32 => 7U,
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values.Count > 1 ? field.EnumType.Values[1].Number : 0),
        FieldType.Message => depth < 3 ? Filled(field.MessageType, depth + 1) : null,
        _ => 7,
    };
}
