using System.Net.Mail;
using System.Net.Mime;

namespace Gatehouse.Server.Mail;

/// <summary>A message to send: plain text and HTML alternatives, inline images, attachments.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody, IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>
    /// multipart/mixed of (multipart/alternative of text and multipart/related HTML with the inline images) and the
    /// attachments: what mail clients expect for an invitation whose QR shows in the body and can be saved.
    /// </summary>
    public MailMessage ToMailMessage(string from)
    {
        var message = new MailMessage(new MailAddress(from).Address, To)
        {
            From = new MailAddress(from),
            Subject = Subject,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        // Quoted-printable keeps the bodies readable in the .eml file (base64 would hide them); MIME lines end in CRLF.
        var text = AlternateView.CreateAlternateViewFromString(TextBody.ReplaceLineEndings("\r\n"), System.Text.Encoding.UTF8, MediaTypeNames.Text.Plain);
        text.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(text);
        var html = AlternateView.CreateAlternateViewFromString(HtmlBody.ReplaceLineEndings("\r\n"), System.Text.Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        foreach (var inline in Attachments.Where(a => a.ContentId is not null))
        {
            html.LinkedResources.Add(new LinkedResource(new MemoryStream(inline.Content), inline.ContentType) { ContentId = inline.ContentId });
        }

        message.AlternateViews.Add(html);
        foreach (var attachment in Attachments)
        {
            message.Attachments.Add(new Attachment(new MemoryStream(attachment.Content), attachment.FileName, attachment.ContentType));
        }

        return message;
    }
}
