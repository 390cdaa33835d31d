namespace Gatehouse.Server.Mail;

/// <summary>Sends mail. Swappable so a deployment can use SMTP and a fresh install (or a test) a folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>Returns the file the message was written to (file transport), or null when it left by SMTP.</summary>
    Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
