using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Collections.Web.Data;

/// <summary>A parity report found under the reports folder: its name (path relative to the folder) and headline.</summary>
public sealed record ParityReport(string Name, string HtmlPath, DateTime WrittenUtc, string? Verdict, int? ExitCode);

/// <summary>
/// The parity harness's reports (<c>parity-report.html</c> with <c>parity-report.json</c> beside it) under
/// <see cref="WebSettings.ParityReports"/>: written by <c>collections parity run|live --report DIR</c> for fixture
/// sets, chains, and database runs exported with <c>collections export legacy</c>.
/// </summary>
public sealed class ParityReports(IOptions<WebSettings> settings)
{
    public const string HtmlName = "parity-report.html";

    public string Root => Path.GetFullPath(settings.Value.ParityReports);

    public IReadOnlyList<ParityReport> List()
    {
        var root = Root;
        if (!Directory.Exists(root)) return [];
        var list = new List<ParityReport>();
        foreach (var html in Directory.EnumerateFiles(root, HtmlName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 }))
        {
            var dir = Path.GetDirectoryName(html)!;
            var name = Path.GetRelativePath(root, dir).Replace('\\', '/');
            string? verdict = null;
            int? exit = null;
            var json = Path.Combine(dir, "parity-report.json");
            if (File.Exists(json))
            {
                try
                {
                    using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        if (p.Name.Equals("verdict", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String) verdict = p.Value.GetString();
                        if (p.Name.Equals("exitCode", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number) exit = p.Value.GetInt32();
                    }
                }
                catch (JsonException)
                {
                    verdict = "(unreadable parity-report.json)";
                }
            }
            list.Add(new ParityReport(name, html, File.GetLastWriteTimeUtc(html), verdict, exit));
        }
        return [.. list.OrderByDescending(r => r.WrittenUtc).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>A report by the name the listing gave it (never a path outside the folder); null when none.</summary>
    public ParityReport? Find(string? name) => name is null ? null : List().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
