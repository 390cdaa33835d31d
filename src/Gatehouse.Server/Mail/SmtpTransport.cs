using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Mail;

/// <summary>Sends through the SMTP server of <c>Gatehouse:Mail</c> (host, port, TLS, credentials).</summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = mail.ToMailMessage(settings.From);
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        await client.SendMailAsync(message, cancellationToken);
        return null;
    }
}
