using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Reason codes stored by name (ReasonCode's contract) as ",A,B," so a filter by one code is a LIKE '%,A,%'
/// on either database.
/// </summary>
internal static class Reasons
{
    public static string Write(IReadOnlyList<ReasonCode> codes) => codes.Count == 0 ? "," : "," + string.Join(',', codes) + ",";

    public static string Pattern(ReasonCode code) => $"%,{code},%";

    public static IReadOnlyList<ReasonCode> Read(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var codes = new ReasonCode[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            codes[i] = Enum.Parse<ReasonCode>(parts[i]);
        }

        return codes;
    }
}
