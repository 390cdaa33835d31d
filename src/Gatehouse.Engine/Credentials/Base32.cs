namespace Gatehouse.Engine.Credentials;

/// <summary>
/// RFC 4648 Base32 (upper-case alphabet, no padding on output), the encoding authenticator apps expect for
/// TOTP secrets. Decoding accepts lower case and trailing padding, since people copy secrets by hand.
/// </summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var length = ((data.Length * 8) + 4) / 5;
        return string.Create(length, data.ToArray(), static (chars, bytes) =>
        {
            int buffer = 0, bits = 0, index = 0;
            foreach (var b in bytes)
            {
                buffer = ((buffer << 8) | b) & 0xFFFF;
                bits += 8;
                while (bits >= 5)
                {
                    chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                    bits -= 5;
                }
            }

            if (bits > 0)
            {
                chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
            }
        });
    }

    /// <summary>Decodes <paramref name="text"/>; false when it holds a character outside the alphabet.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        text = text.TrimEnd('=');
        var result = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = ValueOf(c);
            if (value < 0)
            {
                data = [];
                return false;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                result[index++] = (byte)((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }

        data = result;
        return true;
    }

    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data : throw new FormatException("The text is not Base32.");

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };
}
