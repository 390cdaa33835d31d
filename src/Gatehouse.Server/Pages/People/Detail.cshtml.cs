using Gatehouse.Engine.Model;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.People;

/// <summary>One person and their credentials: issue a card, PIN or token; block, unblock, mark lost (R-GYM-17).</summary>
public sealed class DetailModel(IGatehouseStore store) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Person? Person { get; private set; }

    public IReadOnlyList<Credential> Credentials { get; private set; } = [];

    [BindProperty]
    public CredentialKind Kind { get; set; } = CredentialKind.Card;

    [BindProperty]
    public string? Value { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Value) || Kind is CredentialKind.StaticQr or CredentialKind.RotatingQr)
        {
            ModelState.AddModelError(nameof(Value), Kind is CredentialKind.StaticQr or CredentialKind.RotatingQr
                ? "QR codes are issued through the API (signed static QR, rotating QR enrolment)."
                : "Enter the card number, PIN or token.");
            return Page();
        }

        var issued = await store.IssueCredentialAsync(Staff.Organization, new Credential(default, new PersonId(Id), Kind, Value.Trim()), cancellationToken);
        if (!issued.IsOk)
        {
            ModelState.AddModelError(nameof(Value), issued.Error == StoreError.Conflict ? "This value is already in use in your organization." : issued.Message ?? issued.Error.ToString());
            return Page();
        }

        Flash = $"Issued {Kind} {issued.Value!.Value}.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostFlagAsync(long credential, string change, CancellationToken cancellationToken)
    {
        var (set, clear) = change switch
        {
            "block" => (CredentialFlags.Blocked, CredentialFlags.None),
            "unblock" => (CredentialFlags.None, CredentialFlags.Blocked),
            "lost" => (CredentialFlags.Lost, CredentialFlags.None),
            "found" => (CredentialFlags.None, CredentialFlags.Lost),
            _ => (CredentialFlags.None, CredentialFlags.None),
        };
        var result = await store.SetCredentialFlagsAsync(Staff.Organization, new CredentialId(credential), set, clear, cancellationToken);
        Flash = result.IsOk ? $"Credential {credential}: {change}." : result.Message;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Person = await store.GetPersonAsync(Staff.Organization, new PersonId(Id), cancellationToken);
        Credentials = Person is null ? [] : await store.ListCredentialsAsync(Staff.Organization, Person.Id, cancellationToken);
        return Person is not null;
    }
}
