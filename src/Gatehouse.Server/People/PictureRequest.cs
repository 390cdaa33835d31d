namespace Gatehouse.Server.People;

/// <summary>A new profile picture, by reference (a file name or URL kept by the picture store).</summary>
public sealed record PictureRequest(string? ImageReference);
