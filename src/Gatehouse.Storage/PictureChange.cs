using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>One entry of a person's picture history, compared by staff before validating identity (R-STU-07).</summary>
public sealed record PictureChange(long Id, PersonId Person, DateTimeOffset ChangedAt, string ImageReference);
