using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Gatehouse.Server.Pages.Reports;

/// <summary>
/// Bar charts as inline SVG, drawn on the server: no chart library, no script, readable without JavaScript and in
/// a screenshot. Bars stack granted, warning and denied; the title and each bar's tooltip carry the numbers.
/// </summary>
public static class SvgChart
{
    private const int Width = 560;
    private const int Height = 200;
    private const int Left = 34;
    private const int Bottom = 22;

    public static IHtmlContent Stacked(string title, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Total));
        var plotWidth = Width - Left - 6;
        var plotHeight = Height - Bottom - 8;
        var step = bars.Count == 0 ? plotWidth : (double)plotWidth / bars.Count;
        var barWidth = Math.Max(2, step * 0.72);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\"><title>{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" stroke=\"#9aa3b2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"14\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6475\">{max}</text>");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + (i * step) + ((step - barWidth) / 2);
            var y = (double)(Height - Bottom);
            foreach (var (value, colour) in new[] { (bar.Granted, "#2e9a43"), (bar.Warning, "#e0a100"), (bar.Denied, "#c9372c") })
            {
                if (value == 0)
                {
                    continue;
                }

                var h = (double)value / max * plotHeight;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{Encode(bar.Label)}: {bar.Granted} granted, {bar.Warning} warning, {bar.Denied} denied</title></rect>");
            }

            if (i % labelEvery == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - 6}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6475\">{Encode(bar.Label)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One horizontal bar per label (granted vs denied by reason).</summary>
    public static IHtmlContent Horizontal(string title, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int row = 22;
        const int labelWidth = 210;
        var height = Math.Max(row, bars.Count * row) + 4;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Total));
        var plot = Width - labelWidth - 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\"><title>{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = (i * row) + 3;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 13}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1d2433\">{Encode(bar.Label)}</text>");
            var x = (double)labelWidth;
            foreach (var (value, colour) in new[] { (bar.Granted, "#2e9a43"), (bar.Warning, "#e0a100"), (bar.Denied, "#c9372c") })
            {
                var w = (double)value / max * plot;
                if (w > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{row - 6}\" fill=\"{colour}\"/>");
                    x += w;
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{y + 13}\" font-size=\"11\" fill=\"#5b6475\">{bar.Total}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
