using System.Text;

namespace Collections.Legacy.Records;

/// <summary>
/// The legacy's copybooks (the record contracts of every data set of the cycle), embedded once in the product, in
/// this assembly: the parity harness lays its files out from them, the record types of this assembly are checked
/// against them by tests, and a test keeps them equal to the legacy's own copybooks/ folder. Parse them with the
/// toolkit (<see cref="Cobol.Copybooks.CopybookParser"/>, <see cref="Cobol.Copybooks.CopybookLayout"/>).
/// </summary>
public static class LegacyCopybooks
{
    private const string Prefix = "Copybooks.";

    /// <summary>The member names embedded ("ENTRYREC.cpy" ...), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(LegacyCopybooks).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>The text of an embedded copybook (Latin-1, as cobc reads it), or null when none has that name.</summary>
    public static string? Text(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var s = typeof(LegacyCopybooks).Assembly.GetManifestResourceStream(Prefix + name);
        if (s is null) return null;
        using var r = new StreamReader(s, Encoding.Latin1);
        return r.ReadToEnd();
    }
}
