using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Mail;

/// <summary>
/// Writes each message as a complete MIME <c>.eml</c> file (R-VIS-02: the outgoing mail can be read back). SmtpClient's
/// pickup-directory mode does the MIME encoding; it picks a random file name, so each message is written into a
/// private scratch folder first and then moved to a name we know and can delete at erasure (R-VIS-10).
/// </summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Folder);

    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var name = $"{Guid.NewGuid():N}.eml";
        var scratch = Directory.CreateDirectory(Path.Combine(Folder, ".outgoing", Path.GetFileNameWithoutExtension(name))).FullName;
        try
        {
            using (var message = mail.ToMailMessage(options.Value.From))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = scratch })
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = Directory.GetFiles(scratch, "*.eml").Single();
            var target = Path.Combine(Folder, name);
            File.Move(written, target);
            return target;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
