namespace Gatehouse.Server.Mail;

/// <summary>
/// <c>Gatehouse:Mail</c>. Without a <see cref="Host"/> every message is written as a <c>.eml</c> file into
/// <see cref="Folder"/>, so a fresh install can send invitations and anyone can open them (R-VIS-02).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Gatehouse:Mail";

    /// <summary>Where the file transport writes; relative paths are resolved against the working directory, like the database.</summary>
    public string Folder { get; set; } = "data/mail";

    /// <summary>SMTP server; empty means the file transport.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Gatehouse <gatehouse@localhost>";
}
