namespace Gatehouse.Engine.Decisions;

/// <summary>Renders R-GYM-13 templates. (Placeholder rendering is implemented with the engine issue.)</summary>
internal static class DisplayTextRenderer
{
    public static string Render(Decision decision) => decision.TextTemplate ?? string.Empty;
}
