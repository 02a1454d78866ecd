using System.Text.Json;
using Google.Protobuf;

namespace CrmPlatform.Profiles.Data;

/// <summary>The protobuf JSON of contract messages, as the jsonb columns keep nested parts of a profile.</summary>
internal static class ProtoJson
{
    public static string? Format(IMessage? message) =>
        message is null ? null : JsonFormatter.Default.Format(message);

    public static T? Parse<T>(string? json)
        where T : class, IMessage<T>, new() =>
        json is null ? null : JsonParser.Default.Parse<T>(json);

    public static string? FormatList<T>(IReadOnlyCollection<T> items)
        where T : IMessage =>
        items.Count == 0 ? null : "[" + string.Join(",", items.Select(i => JsonFormatter.Default.Format(i))) + "]";

    public static IEnumerable<T> ParseList<T>(string? json)
        where T : class, IMessage<T>, new()
    {
        if (json is null)
        {
            yield break;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            yield return JsonParser.Default.Parse<T>(element.GetRawText());
        }
    }

    public static string? FormatMap<T>(IReadOnlyDictionary<string, T> items)
        where T : IMessage =>
        items.Count == 0
            ? null
            : "{" + string.Join(",", items.OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => JsonSerializer.Serialize(i.Key) + ":" + JsonFormatter.Default.Format(i.Value))) + "}";

    public static IEnumerable<KeyValuePair<string, T>> ParseMap<T>(string? json)
        where T : class, IMessage<T>, new()
    {
        if (json is null)
        {
            yield break;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return new(property.Name, JsonParser.Default.Parse<T>(property.Value.GetRawText()));
        }
    }
}
