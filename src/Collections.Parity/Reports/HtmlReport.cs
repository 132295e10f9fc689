using System.Globalization;
using System.Net;
using System.Text;
using Collections.Parity.Config;
using Collections.Parity.Model;

namespace Collections.Parity.Reports;

/// <summary>A self-contained HTML report (no external assets): verdict, per-file tables, inline SVG charts, drill-down.</summary>
public static class HtmlReport
{
    private const int DrillDownPerFile = 300;

    public static string Render(RunResult run, ParityConfig config, string configText)
    {
        var sb = new StringBuilder();
        var ok = run.ExitCode == 0;
        var headerClass = !ok ? "bad" : run.Complete ? "ok" : "partial";
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Parity report</title><style>")
          .Append(Css)
          .Append("</style></head><body>");
        sb.Append("<header class=\"").Append(headerClass).Append("\"><h1>Parallel-run parity report</h1><div class=\"verdict\">")
          .Append(H(run.Verdict)).Append("</div><div class=\"sub\">")
          .Append(H($"{run.Days.Count} day(s), mode {run.Mode}, started {run.StartedUtc} · exit code {run.ExitCode}"))
          .Append("</div></header><main>");

        // Summary cards.
        var diffs = run.Days.SelectMany(d => d.Differences).ToList();
        var notProduced = run.Days.SelectMany(d => d.Files).Where(f => f.Status == FileStatus.NotProduced).Select(f => f.Name).Distinct().ToList();
        sb.Append("<section class=\"cards\">");
        Card(sb, "Uncovered differences", run.Uncovered.ToString(CultureInfo.InvariantCulture), run.Uncovered == 0 ? "ok" : "bad");
        Card(sb, "Covered by register", run.Covered.ToString(CultureInfo.InvariantCulture), run.Covered == 0 ? "ok" : "warn");
        var absDollars = run.Impact.AbsoluteCents / 100m;
        Card(sb, "Dollar impact (absolute)", "$" + ReportWriter.Dollars(run.Impact.AbsoluteCents),
            absDollars >= config.Thresholds.FailDollars ? "bad" : absDollars >= config.Thresholds.WarnDollars ? "warn" : "ok");
        Card(sb, "Net impact", "$" + ReportWriter.Dollars(run.Impact.NetCents), run.Impact.NetCents == 0 ? "ok" : "warn");
        var fileImpacts = run.Days.SelectMany(d => d.Files).GroupBy(f => f.Name)
            .Select(g => (Name: g.Key, Abs: g.Sum(f => f.Impact.AbsoluteCents), Largest: g.Max(f => f.Impact.LargestCents))).ToList();
        var largest = fileImpacts.Count == 0 ? 0 : fileImpacts.Max(f => f.Largest);
        Card(sb, "Largest single difference (any file)", "$" + ReportWriter.Dollars(largest), largest == 0 ? "ok" : "warn");
        var worst = fileImpacts.OrderByDescending(f => f.Abs).FirstOrDefault();
        if (worst.Abs > 0) Card(sb, "Largest file impact", $"{worst.Name} ${ReportWriter.Dollars(worst.Abs)}", "warn");
        Card(sb, "Not produced by the modern side", notProduced.Count == 0 ? "none" : string.Join(", ", notProduced), notProduced.Count == 0 ? "ok" : "info");
        sb.Append("</section>");
        sb.Append("<p class=\"note\">Thresholds: warn at $").Append(config.Thresholds.WarnDollars.ToString("0.00", CultureInfo.InvariantCulture))
          .Append(", fail at $").Append(config.Thresholds.FailDollars.ToString("0.00", CultureInfo.InvariantCulture))
          .Append(". The headline impact counts the money fields listed in the configuration's <code>headline</code> (")
          .Append(H(string.Join(", ", config.Headline))).Append(") so one cent is not counted at line, entry and statement level at once.</p>");

        // Charts.
        sb.Append("<section class=\"charts\">");
        sb.Append("<figure><figcaption>Differences by class</figcaption>")
          .Append(BarChart(ReportWriter.ByClass(diffs).Select(c => (c.Class.ToString(), (double)c.Count, c.Count.ToString(CultureInfo.InvariantCulture))).ToList(), "#5b7bd5"))
          .Append("</figure>");
        var hist = new Impact();
        foreach (var d in run.Days) hist.Add(d.Impact);
        sb.Append("<figure><figcaption>Money differences by size (all money fields)</figcaption>")
          .Append(BarChart(Impact.Buckets.Select((b, i) => (b.Label, (double)hist.Histogram.GetValueOrDefault(i), hist.Histogram.GetValueOrDefault(i).ToString(CultureInfo.InvariantCulture))).ToList(), "#d58b5b"))
          .Append("</figure>");
        sb.Append("<figure><figcaption>Drift by day (headline impact; bars = absolute per day, line = cumulative net)</figcaption>")
          .Append(DriftChart(ReportWriter.Drift(run))).Append("</figure>");
        sb.Append("</section>");

        // Register.
        sb.Append("<h2>Known-difference register</h2><p class=\"note\">Register SHA-256 <code>")
          .Append(H(run.RegisterSha256.Length == 0 ? "(none)" : run.RegisterSha256)).Append("</code> ").Append(H(run.RegisterPath)).Append("</p>");
        if (run.Rules.Count == 0) sb.Append("<p>No rules.</p>");
        else
        {
            sb.Append("<table><tr><th>Rule</th><th>Owner</th><th>Reason</th><th>Expires</th><th>Records</th><th>Dollars</th><th>Status</th></tr>");
            foreach (var r in run.Rules)
            {
                var status = r.Expired ? (r.ExpiredMatches > 0 ? $"EXPIRED — {r.ExpiredMatches} differences no longer covered" : "expired, matched nothing")
                    : r.MatchedNothing ? "matched nothing" : "active";
                sb.Append("<tr class=\"").Append(r.Expired && r.ExpiredMatches > 0 ? "bad" : r.MatchedNothing || r.Expired ? "warn" : "").Append("\"><td>")
                  .Append(H(r.Id)).Append("</td><td>").Append(H(r.Owner)).Append("</td><td>").Append(H(r.Reason)).Append("</td><td>")
                  .Append(H(r.Expires)).Append("</td><td class=\"n\">").Append(r.Records).Append("</td><td class=\"n\">$")
                  .Append(ReportWriter.Dollars(r.Cents)).Append("</td><td>").Append(H(status)).Append("</td></tr>");
            }
            sb.Append("</table>");
        }

        foreach (var day in run.Days) Day(sb, day, config);

        sb.Append("<h2>Configuration</h2><p class=\"note\">SHA-256 <code>").Append(run.ConfigSha256)
          .Append("</code></p><details><summary>parity-config.json</summary><pre>").Append(H(configText)).Append("</pre></details>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    private static void Day(StringBuilder sb, DayResult day, ParityConfig config)
    {
        var uncovered = day.Differences.Count(d => !d.Covered);
        sb.Append("<h2 id=\"day-").Append(H(day.Name)).Append("\">Day ").Append(H(day.Name)).Append(" <small>run date ").Append(H(day.RunDate))
          .Append(" · ").Append(uncovered == 0 ? "<span class=\"tag ok\">parity</span>" : $"<span class=\"tag bad\">{uncovered} uncovered</span>")
          .Append(" · headline impact $").Append(ReportWriter.Dollars(day.HeadlineImpact.AbsoluteCents)).Append(" abs, $")
          .Append(ReportWriter.Dollars(day.HeadlineImpact.NetCents)).Append(" net</small></h2>");
        foreach (var n in day.Notes) sb.Append("<p class=\"note\">").Append(H(n)).Append("</p>");

        sb.Append("<h3>Files</h3><table><tr><th>File</th><th>Status</th><th>Byte-level verdict</th><th>Legacy</th><th>Modern</th><th>Equal</th><th>Modified</th><th>Only legacy</th><th>Only modern</th><th>Field diffs</th><th>Impact (abs / net / largest)</th></tr>");
        foreach (var f in day.Files)
        {
            var cls = f.Status switch
            {
                FileStatus.Identical or FileStatus.Equivalent => "ok",
                FileStatus.NotProduced or FileStatus.Absent => "info",
                FileStatus.Reordered => "warn",
                _ => "bad",
            };
            var allCovered = f.Status == FileStatus.Different && day.Differences.Where(d => d.File == f.Name).All(d => d.Covered);
            if (allCovered) cls = "warn";
            var label = f.Status switch
            {
                FileStatus.NotProduced => "not produced by the modern side",
                FileStatus.LegacyMissing => "only the modern side wrote it",
                _ => f.Status.ToString(),
            };
            sb.Append("<tr class=\"").Append(cls).Append("\"><td><a href=\"#f-").Append(H(day.Name + "-" + f.Name)).Append("\">").Append(H(f.Name)).Append("</a></td><td>")
              .Append(H(label)).Append(allCovered ? " (covered)" : "").Append("</td><td>").Append(H(f.ByteVerdict)).Append("</td><td class=\"n\">")
              .Append(f.LegacyRecords).Append("</td><td class=\"n\">").Append(f.Status == FileStatus.NotProduced ? "—" : f.ModernRecords.ToString(CultureInfo.InvariantCulture))
              .Append("</td><td class=\"n\">").Append(f.Equal).Append("</td><td class=\"n\">").Append(f.Modified).Append("</td><td class=\"n\">")
              .Append(f.OnlyLegacy).Append(f.NotProducedRecords > 0 ? $" <small>(+{f.NotProducedRecords} of unported steps)</small>" : "")
              .Append("</td><td class=\"n\">").Append(f.OnlyModern).Append("</td><td class=\"n\">").Append(f.FieldDifferences)
              .Append(f.MaskedFieldDifferences > 0 ? $" <small>({f.MaskedFieldDifferences} masked)</small>" : "")
              .Append("</td><td class=\"n\">$").Append(ReportWriter.Dollars(f.Impact.AbsoluteCents)).Append(" / $").Append(ReportWriter.Dollars(f.Impact.NetCents))
              .Append(" / $").Append(ReportWriter.Dollars(f.Impact.LargestCents)).Append("</td></tr>");
        }
        sb.Append("</table>");

        sb.Append("<h3>Gates (control totals, balance identities, counts)</h3><table><tr><th>Gate</th><th>Side</th><th>Holds</th><th>Detail</th></tr>");
        foreach (var g in day.Gates)
        {
            var cls = g.Holds switch { true => "ok", false => "bad", null => "info" };
            sb.Append("<tr class=\"").Append(cls).Append("\"><td>").Append(H(g.Id)).Append("<br><small>").Append(H(g.Description)).Append("</small></td><td>")
              .Append(H(g.Side)).Append("</td><td>").Append(g.Holds switch { true => "yes", false => "NO", null => "not evaluated" })
              .Append("</td><td><small>").Append(H(g.Detail)).Append("</small></td></tr>");
        }
        sb.Append("</table>");

        sb.Append("<h3>Return codes</h3><table><tr><th>Step</th><th>Legacy</th><th>Modern</th><th>Compared</th></tr>");
        foreach (var r in day.ReturnCodes)
            sb.Append("<tr class=\"").Append(!r.Compared ? "info" : r.Equal ? "ok" : "bad").Append("\"><td>").Append(H(r.Step)).Append("</td><td>")
              .Append(r.Legacy?.ToString("D4", CultureInfo.InvariantCulture) ?? "—").Append("</td><td>").Append(r.Modern?.ToString("D4", CultureInfo.InvariantCulture) ?? "—")
              .Append("</td><td>").Append(r.Compared ? (r.Equal ? "equal" : "DIFFERENT") : "not run by the modern side").Append("</td></tr>");
        sb.Append("</table>");

        if (day.Differences.Count == 0) return;

        sb.Append("<h3>Differences by class</h3><table><tr><th>Class</th><th>Count</th><th>Dollars (abs)</th></tr>");
        foreach (var c in ReportWriter.ByClass(day.Differences))
            sb.Append("<tr><td>").Append(c.Class).Append("</td><td class=\"n\">").Append(c.Count).Append("</td><td class=\"n\">$").Append(ReportWriter.Dollars(c.Cents)).Append("</td></tr>");
        sb.Append("</table>");

        // Grouping by input attributes.
        var attrs = day.Differences.SelectMany(d => d.Attributes.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (attrs.Count > 0)
        {
            sb.Append("<h3>Mismatches grouped by input attributes</h3><div class=\"groups\">");
            foreach (var a in attrs)
            {
                sb.Append("<table class=\"small\"><tr><th colspan=\"3\">").Append(H(a)).Append("</th></tr>");
                foreach (var g in day.Differences.Where(d => d.Attributes.ContainsKey(a)).GroupBy(d => d.Attributes[a], StringComparer.Ordinal)
                             .OrderByDescending(g => g.Count()).Take(12))
                    sb.Append("<tr><td>").Append(H(g.Key)).Append("</td><td class=\"n\">").Append(g.Count()).Append("</td><td class=\"n\">$")
                      .Append(ReportWriter.Dollars(g.Sum(d => Math.Abs(d.Cents)))).Append("</td></tr>");
                sb.Append("</table>");
            }
            sb.Append("</div>");
        }

        // Roll-ups: parents with traces.
        var traced = day.Differences.Where(d => d.Trace.Count > 0).Take(200).ToList();
        if (traced.Count > 0)
        {
            sb.Append("<h3>Roll-ups: totals traced to the lines that cause them</h3><table><tr><th>Total</th><th>Legacy → modern</th><th>Class</th><th>Traced to</th></tr>");
            foreach (var d in traced)
                sb.Append("<tr><td>").Append(H($"{d.File} {d.Key} {d.Field}")).Append("</td><td>").Append(H(d.Legacy + " → " + d.Modern)).Append("</td><td>")
                  .Append(d.Class).Append("</td><td><small>").Append(string.Join("<br>", d.Trace.Select(H))).Append("</small></td></tr>");
            sb.Append("</table>");
        }

        // Drill-down per file.
        sb.Append("<h3>Drill-down</h3>");
        foreach (var f in day.Files.Where(f => f.Records.Count > 0))
        {
            sb.Append("<h4 id=\"f-").Append(H(day.Name + "-" + f.Name)).Append("\">").Append(H(f.Name)).Append(" — ").Append(f.Records.Count).Append(" differing records")
              .Append(f.DetailTruncated || f.Records.Count > DrillDownPerFile ? $" (first {Math.Min(DrillDownPerFile, f.Records.Count)} shown; all in the CSV)" : "").Append("</h4>");
            foreach (var r in f.Records.Take(DrillDownPerFile))
            {
                var covered = r.Fields.All(x => x.Covered);
                sb.Append("<details class=\"").Append(covered ? "covered" : "").Append("\"><summary><code>").Append(H(r.Key)).Append("</code> ")
                  .Append(H(r.Kind)).Append(" · ").Append(H(string.Join(", ", r.Fields.Select(x => $"{x.Field} {x.Class}{(x.Covered ? " [" + x.RuleId + "]" : "")}"))))
                  .Append("</summary><table class=\"small\"><tr><th>Field</th><th>Legacy</th><th>Modern</th><th>Δ</th><th>Class</th><th>Explanation</th><th>Legacy hex</th><th>Modern hex</th></tr>");
                foreach (var x in r.Fields)
                    sb.Append("<tr><td>").Append(H(x.Field)).Append("</td><td>").Append(H(x.Legacy)).Append("</td><td>").Append(H(x.Modern)).Append("</td><td class=\"n\">")
                      .Append(x.Numeric ? H(FormatDelta(x)) : "").Append("</td><td>").Append(x.Class).Append(x.Covered ? "<br><small>" + H(x.RuleId!) + "</small>" : "")
                      .Append("</td><td><small>").Append(H(x.Explanation)).Append("</small></td><td><code>").Append(H(Short(x.LegacyHex)))
                      .Append("</code></td><td><code>").Append(H(Short(x.ModernHex))).Append("</code></td></tr>");
                sb.Append("</table><p class=\"note\">record ").Append(r.LegacyRecordNo).Append(" (legacy) / ").Append(r.ModernRecordNo).Append(" (modern); attributes: ")
                  .Append(H(string.Join(", ", r.Fields[0].Attributes.Select(a => a.Key + "=" + a.Value)))).Append("</p>")
                  .Append("<details><summary>whole records in hex</summary><pre>legacy ").Append(H(Wrap(r.LegacyHex))).Append("\nmodern ")
                  .Append(H(Wrap(r.ModernHex))).Append("</pre></details></details>");
            }
        }
        var other = day.Differences.Where(d => d.File.StartsWith("gate:", StringComparison.Ordinal) || d.File.StartsWith("rc:", StringComparison.Ordinal)
                                               || d.Class == DiffClass.RecordOrder).ToList();
        if (other.Count > 0)
        {
            sb.Append("<h4>Gate, order and return-code differences</h4><table class=\"small\"><tr><th>What</th><th>Key</th><th>Legacy</th><th>Modern</th><th>Class</th><th>Rule</th></tr>");
            foreach (var d in other)
                sb.Append("<tr><td>").Append(H(d.File + " " + d.Field)).Append("</td><td>").Append(H(d.Key)).Append("</td><td>").Append(H(d.Legacy)).Append("</td><td>")
                  .Append(H(d.Modern)).Append("</td><td>").Append(d.Class).Append("</td><td>").Append(H(d.RuleId ?? "uncovered")).Append("</td></tr>");
            sb.Append("</table>");
        }
    }

    private static string FormatDelta(Difference d) =>
        (d.Delta > 0 ? "+" : "") + Compare.FileComparer.FormatUnscaled(d.Delta, d.Scale);

    private static string Short(string hex) => hex.Length > 64 ? hex[..64] + "…" : hex;

    private static string Wrap(string hex)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < hex.Length; i += 100)
        {
            if (i > 0) sb.Append("\n       ");
            sb.Append(hex.AsSpan(i, Math.Min(100, hex.Length - i)));
        }
        return sb.ToString();
    }

    private static void Card(StringBuilder sb, string title, string value, string cls) =>
        sb.Append("<div class=\"card ").Append(cls).Append("\"><div class=\"t\">").Append(H(title)).Append("</div><div class=\"v\">").Append(H(value)).Append("</div></div>");

    private static string BarChart(List<(string Label, double Value, string Text)> bars, string color)
    {
        const int w = 420, rowH = 22, labelW = 140;
        if (bars.Count == 0) return "<p class=\"note\">no data</p>";
        var max = Math.Max(1, bars.Max(b => b.Value));
        var h = bars.Count * rowH + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = 5 + i * rowH;
            var bw = value <= 0 ? 0 : Math.Max(2, (w - labelW - 60) * value / max);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{H(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelW}\" y=\"{y + 3}\" width=\"{bw:F1}\" height=\"{rowH - 6}\" fill=\"{color}\" rx=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW + bw + 5:F1}\" y=\"{y + 15}\" font-size=\"12\">{H(text)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string DriftChart(List<(string Day, long NetCents, long AbsCents, long CumNetCents, long CumAbsCents)> drift)
    {
        const int w = 420, h = 230, padL = 70, padB = 70, padT = 10;
        if (drift.Count == 0) return "<p class=\"note\">no data</p>";
        var maxAbs = Math.Max(1, drift.Max(d => Math.Max(d.AbsCents, Math.Abs(d.CumNetCents))));
        var plotW = w - padL - 10;
        var plotH = h - padB - padT;
        var zeroY = padT + plotH / 2.0;
        double Y(long cents) => zeroY - cents / (double)maxAbs * (plotH / 2.0);
        var step = plotW / (double)drift.Count;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{padL}\" y1=\"{zeroY:F1}\" x2=\"{w - 10}\" y2=\"{zeroY:F1}\" stroke=\"#999\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{padL - 5}\" y=\"{padT + 10}\" text-anchor=\"end\" font-size=\"11\">${ReportWriter.Dollars(maxAbs)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{padL - 5}\" y=\"{zeroY + 4:F1}\" text-anchor=\"end\" font-size=\"11\">$0</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{padL - 5}\" y=\"{padT + plotH:F1}\" text-anchor=\"end\" font-size=\"11\">-${ReportWriter.Dollars(maxAbs)}</text>");
        var points = new List<string>();
        for (var i = 0; i < drift.Count; i++)
        {
            var x = padL + i * step;
            var d = drift[i];
            var barTop = Y(d.AbsCents);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + step * 0.2:F1}\" y=\"{barTop:F1}\" width=\"{step * 0.6:F1}\" height=\"{Math.Max(0, zeroY - barTop):F1}\" fill=\"#e0a96d\"/>");
            points.Add(string.Create(CultureInfo.InvariantCulture, $"{x + step / 2:F1},{Y(d.CumNetCents):F1}"));
            var label = d.Day.Length > 14 ? d.Day[^14..] : d.Day;
            var every = Math.Max(1, (drift.Count + 5) / 6);
            if (i % every != 0) continue;
            // slanted labels, at most about six, so long day names never overlap
            var lx = x + step / 2;
            var ly = h - padB + 12;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:F1}\" y=\"{ly}\" text-anchor=\"end\" font-size=\"10\" transform=\"rotate(-35 {lx:F1} {ly})\">{H(label)}</text>");
        }
        sb.Append("<polyline fill=\"none\" stroke=\"#3a5fcd\" stroke-width=\"2\" points=\"").Append(string.Join(" ", points)).Append("\"/>");
        foreach (var p in points) sb.Append("<circle r=\"3\" fill=\"#3a5fcd\" cx=\"").Append(p.Split(',')[0]).Append("\" cy=\"").Append(p.Split(',')[1]).Append("\"/>");
        return sb.Append("</svg>").ToString();
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """
        body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#1d2330;background:#f6f7fa}
        header{padding:18px 28px;color:#fff}header.ok{background:#2e7d4f}header.bad{background:#b03a2e}header.partial{background:#8a6d1a}
        header h1{margin:0;font-size:22px}.verdict{font-size:30px;font-weight:700;margin-top:4px}.sub{opacity:.9;font-size:13px}
        main{padding:8px 28px 40px}h2{margin-top:30px;border-bottom:2px solid #d9dde6;padding-bottom:4px}h2 small{font-weight:400;font-size:14px;color:#555}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:170px;border-left:6px solid #999;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        .card .t{font-size:12px;color:#555}.card .v{font-size:22px;font-weight:700;margin-top:4px}
        .card.ok{border-color:#2e7d4f}.card.bad{border-color:#b03a2e}.card.warn{border-color:#d89614}.card.info{border-color:#5b7bd5}
        .charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:12px}figure{background:#fff;margin:0;padding:10px 14px;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        figcaption{font-weight:600;font-size:13px;margin-bottom:6px}
        table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}th,td{border:1px solid #dde1ea;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eef0f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.ok td:first-child{border-left:4px solid #2e7d4f}tr.bad td:first-child{border-left:4px solid #b03a2e}tr.bad{background:#fdf1ef}
        tr.warn td:first-child{border-left:4px solid #d89614}tr.info td:first-child{border-left:4px solid #5b7bd5}tr.info{background:#f1f4fd}
        table.small{font-size:12px}.groups{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}
        details{background:#fff;border:1px solid #dde1ea;border-radius:6px;margin:4px 0;padding:4px 8px}details.covered{opacity:.75}
        summary{cursor:pointer;font-size:13px}pre{white-space:pre-wrap;word-break:break-all;font-size:11px}code{font-size:12px}
        .note{color:#555;font-size:12px}.tag{padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}.tag.ok{background:#2e7d4f}.tag.bad{background:#b03a2e}
        """;
}
