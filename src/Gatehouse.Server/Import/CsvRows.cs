using System.Text;

namespace Gatehouse.Server.Import;

/// <summary>Reads RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes.</summary>
public static class CsvRows
{
    public static async IAsyncEnumerable<string[]> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                any = true;
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted)
            {
                field.Append('\n'); // a line break inside quotes belongs to the field
                continue;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (any || fields.Count > 1)
            {
                yield return [.. fields];
            }
            else
            {
                yield return [];
            }

            fields.Clear();
            any = false;
        }

        if (quoted || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
