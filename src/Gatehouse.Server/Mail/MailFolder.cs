namespace Gatehouse.Server.Mail;

/// <summary>The .eml files the file transport wrote: an invitation carries personal data, so erasure deletes it (R-VIS-10).</summary>
public static class MailFolder
{
    /// <summary>Deletes <paramref name="file"/> only when it lies inside the mail folder: the path comes from a database row.</summary>
    public static bool TryDelete(MailOptions options, string file)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(options.Folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(file);
        if (!full.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(full))
        {
            return false;
        }

        File.Delete(full);
        return true;
    }
}
