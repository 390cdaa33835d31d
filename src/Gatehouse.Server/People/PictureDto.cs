using Gatehouse.Storage;

namespace Gatehouse.Server.People;

/// <summary>One entry of the picture history staff compare before validating identity (R-STU-07).</summary>
public sealed record PictureDto(long Id, DateTimeOffset ChangedAt, string ImageReference)
{
    public static PictureDto From(PictureChange p) => new(p.Id, p.ChangedAt, p.ImageReference);
}
