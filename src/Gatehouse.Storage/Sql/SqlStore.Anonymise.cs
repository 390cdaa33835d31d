using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Erasure of what an event says about a person (R-VIS-10): the only change ever made to a stored event.</summary>
internal sealed partial class SqlStore
{
    public async Task<int> AnonymiseEventsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE events SET display_text = '' WHERE organization_id = @org AND person_id = @person AND display_text <> ''",
            cancellationToken, ("org", organization.Value), ("person", person.Value)).ConfigureAwait(false);
        return rows;
    }
}
