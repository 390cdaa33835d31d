using System.Globalization;
using System.Net;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Mail;
using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Visitors;

/// <summary>The invitation mail (R-VIS-02): the QR shown inline in the HTML body and attached as a PNG file.</summary>
public static class Invitation
{
    public const string ImageContentId = "invitation-qr";

    public static OutgoingMail Compose(string email, Person visitor, Site site, Visit visit, byte[] qrPng, string subjectTemplate)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(subjectTemplate);
        var local = TimeZoneInfo.ConvertTime(visit.Meeting.From, site.TimeZone);
        var until = TimeZoneInfo.ConvertTime(visit.Meeting.Until, site.TimeZone);
        var when = string.Create(CultureInfo.InvariantCulture, $"{local:dddd d MMMM yyyy}, {local:HH:mm}–{until:HH:mm} ({site.TimeZone.Id})");
        var host = visit.Host is { Length: > 0 } h ? $" with {h}" : string.Empty;
        var text = $"""
            Hello {visitor.FirstName},

            You are expected at {site.Name}{host} on {when}.
            Show the attached QR code at the kiosk or the door reader. Your token number is {visit.TokenNumber}.
            """;
        var html = $"""
            <html><body>
            <p>Hello {WebUtility.HtmlEncode(visitor.FirstName)},</p>
            <p>You are expected at <b>{WebUtility.HtmlEncode(site.Name)}</b>{WebUtility.HtmlEncode(host)} on {WebUtility.HtmlEncode(when)}.</p>
            <p>Show this QR code at the kiosk or the door reader:</p>
            <p><img src="cid:{ImageContentId}" alt="Your visitor QR code" width="256" height="256"/></p>
            <p>Token number: {WebUtility.HtmlEncode(visit.TokenNumber)}</p>
            </body></html>
            """;
        return new OutgoingMail(
            email,
            subjectTemplate.Replace("{Site}", site.Name, StringComparison.Ordinal),
            text,
            html,
            [new MailAttachment("invitation-qr.png", "image/png", qrPng, ImageContentId)]);
    }
}
