namespace Gatehouse.Storage.Visitors;

/// <summary>The timed rules of a visit, each a persisted job that acts once.</summary>
public enum VisitorJobKind
{
    /// <summary>R-VIS-08: remove the visitor's credentials a while after the meeting, unless still checked in.</summary>
    RemoveCredentials,

    /// <summary>R-VIS-09: check a visitor out who forgot to.</summary>
    AutoCheckOut,

    /// <summary>R-VIS-10: erase every personal datum of the visitor, keeping anonymised events.</summary>
    Erase,
}
