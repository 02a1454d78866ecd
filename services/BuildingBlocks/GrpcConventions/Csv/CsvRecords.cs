using System.Text;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Reads RFC 4180 records (cells split by commas; a quoted cell may hold commas, doubled quotes
/// and line breaks) so that broken quoting costs one record, never the rest of the file: a quote
/// inside an unquoted cell or text after a closing quote is that record's problem, and a quote
/// that never closes (to the end of the body, or over more than <see cref="MaxLinesPerRecord"/>
/// lines) rejects the record on its first line and reads the lines it swallowed again as records.
/// </summary>
public sealed class CsvRecords(TextReader reader)
{
    public const int MaxLinesPerRecord = 100;

    // Lines read ahead for a quoted cell that turned out never to close, to be read again.
    private readonly Queue<(int Number, string Text)> readAgain = new();
    private int lineNumber;

    public async Task<CsvRecord?> Next(CancellationToken cancellationToken)
    {
        if (await NextLine(cancellationToken) is not { } first)
        {
            return null;
        }

        var consumed = new List<(int Number, string Text)> { first };
        var cells = new List<string>();
        var cell = new StringBuilder();
        string? problem = null;
        var quoted = false;
        var closed = false;
        var line = first.Text;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    break;
                }

                if (consumed.Count == MaxLinesPerRecord || await NextLine(cancellationToken) is not { } next)
                {
                    ReadAgain(consumed.Skip(1));

                    return new CsvRecord(first.Number, [], $"line {first.Number}: a quoted cell is never closed (a quote is missing)");
                }

                // A quoted cell goes on over the line break.
                consumed.Add(next);
                line = next.Text;
                cell.Append('\n');
                i = -1;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    (quoted, closed) = (false, true);
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                closed = false;
            }
            else if (closed && c is ' ' or '\t')
            {
                // Spaces after a closing quote are layout, not content.
            }
            else if (closed)
            {
                problem ??= $"line {consumed[^1].Number}: cell {cells.Count + 1} has text after its closing quote";
            }
            else if (c == '"' && string.IsNullOrWhiteSpace(cell.ToString()))
            {
                cell.Clear();
                quoted = true;
            }
            else if (c == '"')
            {
                problem ??= $"line {consumed[^1].Number}: cell {cells.Count + 1} has a quote but does not start with one (quote the whole cell and double the quotes inside)";
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return new CsvRecord(first.Number, cells, problem);
    }

    private async Task<(int Number, string Text)?> NextLine(CancellationToken cancellationToken)
    {
        if (readAgain.Count > 0)
        {
            return readAgain.Dequeue();
        }

        return await reader.ReadLineAsync(cancellationToken) is { } text ? (++lineNumber, text) : null;
    }

    /// <summary>Puts <paramref name="lines"/> back, in order, in front of those still to read.</summary>
    private void ReadAgain(IEnumerable<(int Number, string Text)> lines)
    {
        var rest = readAgain.ToList();
        readAgain.Clear();
        foreach (var line in lines.Concat(rest))
        {
            readAgain.Enqueue(line);
        }
    }
}
