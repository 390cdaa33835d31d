using Gatehouse.Engine.Model;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.People;

/// <summary>People of the organization, searchable by name or email.</summary>
public sealed class IndexModel(IGatehouseStore store) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        People = await store.ListPeopleAsync(Staff.Organization, string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(), 0, 200, cancellationToken);
}
