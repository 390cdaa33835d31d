using System.Text;
using Gatehouse.Server.Import;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Import;

/// <summary>CSV import of members, passes and credentials with its per-row report (R-OPS-05), by the API's importer.</summary>
public sealed class IndexModel(MemberImport import) : StaffPageModel
{
    public ImportReport? Report { get; private set; }

    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public static string Columns => string.Join(",", MemberRow.Columns);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        TextReader? reader = Upload is { Length: > 0 } file
            ? new StreamReader(file.OpenReadStream(), Encoding.UTF8)
            : string.IsNullOrWhiteSpace(Csv) ? null : new StringReader(Csv);
        if (reader is null)
        {
            ModelState.AddModelError(nameof(Csv), "Choose a CSV file or paste the rows.");
            return Page();
        }

        using (reader)
        {
            Report = await import.ImportAsync(Staff.Organization, reader, cancellationToken);
        }

        return Page();
    }
}
