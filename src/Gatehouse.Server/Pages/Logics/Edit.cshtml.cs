using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Logics;

/// <summary>
/// Create or edit an access logic (R-GYM-01): every check, advanced setting and action, each explained; start
/// from a preset; impossible values are reported next to their field and nothing is stored until all are valid.
/// </summary>
public sealed class EditModel(IGatehouseStore store, TimeProvider time) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public AccessPolicy Policy { get; set; }

    [BindProperty]
    public string? CustomPolicy { get; set; }

    [BindProperty]
    public AccessChecks Checks { get; set; } = new();

    [BindProperty]
    public AdvancedSettings Advanced { get; set; } = new();

    [BindProperty]
    public AccessActions Actions { get; set; } = new();

    public AccessLogic? Current { get; private set; }

    public string? PresetName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? preset, CancellationToken cancellationToken)
    {
        AccessLogic logic;
        if (Id is { } id)
        {
            Current = await store.GetLogicAsync(Staff.Organization, new AccessLogicId(id), cancellationToken);
            if (Current is null)
            {
                return NotFound();
            }

            logic = Current;
        }
        else if (preset is not null && AccessLogicPresets.Find(preset) is { } start)
        {
            PresetName = start.Name;
            logic = start.Create(default, Staff.Organization, time.GetUtcNow());
        }
        else
        {
            logic = new AccessLogic { Id = default, Organization = Staff.Organization, Name = "" };
        }

        (Name, Policy, CustomPolicy, Checks, Advanced, Actions) = (logic.Name, logic.Policy, logic.CustomPolicy, logic.Checks, logic.Advanced, logic.Actions);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Current = await store.GetLogicAsync(Staff.Organization, new AccessLogicId(id), cancellationToken);
            if (Current is null)
            {
                return NotFound();
            }
        }

        var now = time.GetUtcNow();
        var logic = (Current ?? new AccessLogic { Id = default, Organization = Staff.Organization, Name = "", CreatedAt = now, ModifiedAt = now }) with
        {
            Name = Name?.Trim() ?? "",
            Policy = Policy,
            CustomPolicy = string.IsNullOrWhiteSpace(CustomPolicy) ? null : CustomPolicy.Trim(),
            Checks = Checks with { SuccessText = Checks.SuccessText ?? "", FailureText = Checks.FailureText ?? "" },
            Advanced = Advanced,
            Actions = Actions,
        };
        foreach (var error in logic.Validate())
        {
            ModelState.AddModelError(LogicFields.Key(error.Field), error.Message);
        }

        // Nothing half-saved: unreadable input or any impossible value stores nothing.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = Current is null ? await store.AddLogicAsync(logic, cancellationToken) : await store.UpdateLogicAsync(logic, cancellationToken);
        if (!saved.IsOk)
        {
            ModelState.AddModelError(string.Empty, saved.Message ?? saved.Error.ToString());
            return Page();
        }

        Flash = $"Saved \"{saved.Value!.Name}\", version {saved.Value.Version}.";
        return RedirectToPage("/Logics/Index");
    }

    public SettingInput Input(LogicField field, object group)
    {
        ArgumentNullException.ThrowIfNull(field);
        var state = ModelState.TryGetValue(field.Name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "This value cannot be read." : e.ErrorMessage).ToList() ?? [];
        var attempted = errors.Count > 0 ? state?.AttemptedValue : null;
        return new SettingInput(field, field.Property.GetValue(group), attempted, errors);
    }
}
