using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>Who was scanned, as a device or desk may show it.</summary>
public sealed record PersonRefDto(long Id, string FirstName, string LastName, PersonKind Kind)
{
    public static PersonRefDto? From(Person? person) => person is null
        ? null
        : new PersonRefDto(person.Id.Value, person.FirstName, person.LastName, person.Kind);
}
