using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Import;

/// <summary>
/// Imports members, passes and credentials from CSV (R-OPS-05). Each row is checked whole before anything is
/// written, so a rejected row leaves nothing behind; the report lists every rejected row and why.
/// </summary>
public sealed class MemberImport(IGatehouseStore store)
{
    public const int MaxRows = 100_000;

    public async Task<ImportReport> ImportAsync(OrganizationId org, TextReader csv, CancellationToken cancellationToken)
    {
        var rows = new List<ImportRowResult>();
        var seenCards = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, int>? header = null;
        var line = 0;
        await foreach (var fields in CsvRows.ReadAsync(csv, cancellationToken))
        {
            line++;
            if (fields.Length == 0 || fields is [""])
            {
                continue;
            }

            if (header is null)
            {
                header = ReadHeader(fields, out var headerErrors);
                if (headerErrors.Count > 0)
                {
                    return new ImportReport(0, 1, [new ImportRowResult(line, false, null, headerErrors)]);
                }

                continue;
            }

            if (rows.Count >= MaxRows)
            {
                rows.Add(new ImportRowResult(line, false, null, [$"More than {MaxRows} rows: the rest of the file was not read."]));
                break;
            }

            rows.Add(await ImportRowAsync(org, line, fields, header, seenCards, cancellationToken));
        }

        if (header is null)
        {
            rows.Add(new ImportRowResult(1, false, null, ["The file is empty: expected a header line with " + string.Join(",", MemberRow.Columns) + "."]));
        }

        return new ImportReport(rows.Count(r => r.Accepted), rows.Count(r => !r.Accepted), rows);
    }

    private async Task<ImportRowResult> ImportRowAsync(OrganizationId org, int line, string[] fields, Dictionary<string, int> header, HashSet<string> seenCards, CancellationToken ct)
    {
        string? Cell(string column) => header.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? v : null;
        var row = MemberRow.Parse(Cell, org);
        var errors = row.Errors.ToList();
        if (fields.Length > header.Count)
        {
            errors.Add($"The row has {fields.Length} fields; the header has {header.Count}.");
        }

        if (row.Card is { } card && (!seenCards.Add(card) || store.Index.FindCredential(org, card) is not null))
        {
            errors.Add($"card '{card}' is already in use.");
        }

        if (errors.Count > 0)
        {
            return new ImportRowResult(line, false, null, errors);
        }

        var person = await store.AddPersonAsync(row.Person, ct);
        if (!person.IsOk || person.Value is null)
        {
            return new ImportRowResult(line, false, null, [person.Message ?? "The person could not be stored."]);
        }

        var id = person.Value.Id;
        if (row.Card is { } value)
        {
            var issued = await store.IssueCredentialAsync(org, new Credential(default, id, row.CredentialKind, value), ct);
            if (!issued.IsOk)
            {
                await store.DeletePersonAsync(org, id, ct); // keep the row all-or-nothing
                return new ImportRowResult(line, false, null, [issued.Message ?? $"card '{value}' could not be issued."]);
            }
        }

        if (row.PassName is { } name && row.PassValidity is { } validity)
        {
            var contract = await store.AddContractAsync(org, new Contract(default, id, name, validity, IsMain: row.PassIsMain, Rules: [AccessRule.Anytime()]), ct);
            if (!contract.IsOk)
            {
                await store.DeletePersonAsync(org, id, ct);
                return new ImportRowResult(line, false, null, [contract.Message ?? "The pass could not be stored."]);
            }
        }

        return new ImportRowResult(line, true, id.Value, []);
    }

    private static Dictionary<string, int> ReadHeader(string[] fields, out List<string> errors)
    {
        errors = [];
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim().TrimStart('\uFEFF');
            if (!MemberRow.Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Unknown column '{name}'. Known columns: {string.Join(", ", MemberRow.Columns)}.");
            }
            else if (!header.TryAdd(name, i))
            {
                errors.Add($"Column '{name}' appears twice.");
            }
        }

        foreach (var required in new[] { "first_name", "last_name" })
        {
            if (!header.ContainsKey(required))
            {
                errors.Add($"The header lacks the required column '{required}'.");
            }
        }

        return header;
    }
}
