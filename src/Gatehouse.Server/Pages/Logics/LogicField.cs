using System.Reflection;

namespace Gatehouse.Server.Pages.Logics;

/// <summary>One setting of an access logic as the editor shows it: its form name, label and one-line explanation.</summary>
public sealed record LogicField(string Group, PropertyInfo Property, string Label, string Help)
{
    /// <summary>The form field name, which is also the model-state key for its validation message.</summary>
    public string Name => $"{Group}.{Property.Name}";

    public string Id => $"{Group}_{Property.Name}";
}
