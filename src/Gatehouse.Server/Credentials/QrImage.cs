using QRCoder;

namespace Gatehouse.Server.Credentials;

/// <summary>Renders QR text as a PNG, for invitations and member apps.</summary>
public static class QrImage
{
    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
