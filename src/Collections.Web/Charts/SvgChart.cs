using System.Globalization;
using System.Net;
using System.Text;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Html;

namespace Collections.Web.Charts;

/// <summary>A bar of a chart: its label, its amount in cents (exact; scaled only for drawing) and where it drills down to.</summary>
public sealed record Bar(string Label, long Cents, string? Link = null);

/// <summary>
/// Charts drawn by the server as inline SVG: no script, no inline style (classes from site.css, presentation
/// attributes only), so they render under the site's Content-Security-Policy and print as they are shown. Each bar
/// links to its drill-down; the amount is written beside it in dollars.
/// </summary>
public static class SvgChart
{
    /// <summary>A horizontal bar chart (negative amounts drawn to the left of the axis, in the warning colour).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<Bar> bars, int width = 900)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int row = 22, labelWidth = 340, valueWidth = 150;
        var height = Math.Max(1, bars.Count) * row + 10;
        var plot = width - labelWidth - valueWidth;
        var max = bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => Math.Abs(b.Cents)));
        var hasNegative = bars.Any(b => b.Cents < 0);
        var zero = labelWidth + (hasNegative ? plot / 2 : 0);
        var scale = (hasNegative ? plot / 2.0 : plot) / max;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{H(title)}\"><title>{H(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{zero}\" y1=\"0\" x2=\"{zero}\" y2=\"{height}\"></line>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 5 + i * row;
            // drawing only: the figure written beside the bar is the exact amount
            var len = (int)Math.Round(Math.Abs(b.Cents) * scale, MidpointRounding.AwayFromZero);
            var x = b.Cents < 0 ? zero - len : zero;
            var open = b.Link is null ? "" : $"<a href=\"{H(b.Link)}\">";
            var close = b.Link is null ? "" : "</a>";
            sb.Append(open);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{H(b.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(b.Cents < 0 ? "bar-neg" : "bar-pos")}\" x=\"{x}\" y=\"{y + 3}\" width=\"{Math.Max(len, b.Cents == 0 ? 0 : 1)}\" height=\"{row - 8}\"><title>{H(b.Label)}: {ReportTable.DollarsGrouped(b.Cents)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 4}\" y=\"{y + 14}\" text-anchor=\"end\">{ReportTable.DollarsGrouped(b.Cents)}</text>");
            sb.Append(close);
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Pass / fail marks of named checks, one square each, failed ones linking to their row.</summary>
    public static IHtmlContent Checks(IReadOnlyList<(string Name, bool Passed, string? Link)> checks, int perRow = 24)
    {
        ArgumentNullException.ThrowIfNull(checks);
        const int cell = 18;
        var rows = Math.Max(1, (checks.Count + perRow - 1) / perRow);
        var width = perRow * cell;
        var height = rows * cell;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart checks-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"control checks\">");
        for (var i = 0; i < checks.Count; i++)
        {
            var (name, passed, link) = checks[i];
            var x = i % perRow * cell;
            var y = i / perRow * cell;
            if (link is not null) sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{H(link)}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(passed ? "pass" : "fail")}\" x=\"{x + 2}\" y=\"{y + 2}\" width=\"{cell - 4}\" height=\"{cell - 4}\"><title>{H(name)}: {(passed ? "pass" : "FAIL")}</title></rect>");
            if (link is not null) sb.Append("</a>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
