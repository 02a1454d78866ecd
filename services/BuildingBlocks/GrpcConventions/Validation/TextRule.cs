using System.Collections;
using System.Collections.Concurrent;
using CrmPlatform.Contracts.Common.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// The one rule every string a client sends obeys, in every service: no NUL (PostgreSQL refuses
/// it), no other C0 control character (tab, line feed and carriage return only in fields the
/// contract marks <c>(crm.common.v1.multiline)</c>), and well-formed Unicode (no lone surrogate,
/// which a JSON body can smuggle in as an escape). It walks a whole message, maps and lists
/// included, and names each bad field by its path. It also bounds every string, so a field no
/// validator limits (a filter value, an etag) cannot carry megabytes to the database.
/// </summary>
public static class TextRule
{
    /// <summary>The longest string any request may hold: the longest field the contracts store (an interaction's body).</summary>
    public const int MaxLength = 20_000;

    private static readonly ConcurrentDictionary<FieldDescriptor, bool> Multiline = new();

    /// <summary>Adds a violation for every string in <paramref name="message"/> that breaks the rule, paths under <paramref name="prefix"/>.</summary>
    public static FieldViolations Text(this FieldViolations violations, IMessage? message, string prefix = "")
    {
        if (message is not null)
        {
            Walk(message, prefix, violations);
        }

        return violations;
    }

    /// <summary>What is wrong with <paramref name="text"/>, or null when it is fine.</summary>
    public static string? Problem(string text, bool multiline)
    {
        if (text.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "must not contain NUL characters";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "must be valid Unicode text";
            }

            if (c < ' ' && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return multiline
                    ? "must not contain control characters other than tab and line breaks"
                    : "must be a single line without control characters";
            }
        }

        return null;
    }

    private static void Walk(IMessage message, string prefix, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var keyPath = $"{path}.{entry.Key}";
                    if (entry.Key is string key && Problem(key, multiline: false) is { } keyProblem)
                    {
                        violations.Add(path, $"has a key that {keyProblem}");
                        continue;
                    }

                    Check(entry.Value, valueField, keyPath, violations);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IList)value)
                {
                    Check(item, field, $"{path}[{index++}]", violations);
                }
            }
            else
            {
                Check(value, field, path, violations);
            }
        }
    }

    private static void Check(object? value, FieldDescriptor field, string path, FieldViolations violations)
    {
        switch (value)
        {
            case string text when Problem(text, IsMultiline(field)) is { } problem:
                violations.Add(path, problem);
                break;
            case IMessage nested:
                Walk(nested, path, violations);
                break;
        }
    }

    private static bool IsMultiline(FieldDescriptor field) =>
        Multiline.GetOrAdd(field, f => f.GetOptions()?.GetExtension(OptionsExtensions.Multiline) ?? false);
}
