using System.Text;
using System.Text.Json;

namespace CrmPlatform.GrpcConventions;

/// <summary>Where in a JSON text a reader gives up, as a path (<c>owners[1].name</c>), so a client is told where its JSON breaks.</summary>
public static class JsonPath
{
    /// <summary>The path of the value being read when <paramref name="json"/> stops parsing; empty at the top level or when it parses.</summary>
    public static string WhereReadingFails(ReadOnlySpan<byte> json)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1].Name = reader.GetString();
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return Path(frames);
        }

        return "";
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].Array)
        {
            frames[^1].Index++;
        }
    }

    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];

            // The innermost array failed reading its next element; an outer one is inside its last.
            var index = i == frames.Count - 1 ? frame.Index : frame.Index - 1;
            if (frame.Array && index >= 0)
            {
                path.Append('[').Append(index).Append(']');
            }
            else if (!frame.Array && frame.Name is not null)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(frame.Name);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool array)
    {
        public bool Array { get; } = array;

        public string? Name { get; set; }

        public int Index { get; set; }
    }
}
