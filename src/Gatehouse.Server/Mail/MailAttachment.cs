namespace Gatehouse.Server.Mail;

/// <summary>A file carried by a message. With a <see cref="ContentId"/> the HTML body can show it inline (<c>cid:</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);
