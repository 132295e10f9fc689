using System.Globalization;

namespace Collections.Domain.Receivables;

/// <summary>
/// The statement numbers CLV300 builds with STRING ... DELIMITED BY SIZE INTO SR-REFERENCE (X(16), spaces before
/// the STRING, so the rest stays blank).
/// </summary>
public static class StatementNumbers
{
    /// <summary>2320: 'D' + YYMMDD of the statement date + filer code (10 characters).</summary>
    public static string Daily(int statementDate, string filerCode)
    {
        ArgumentNullException.ThrowIfNull(filerCode);
        return Build('D', statementDate, 8, filerCode, "");
    }

    /// <summary>2330, type 6: 'P' + YYMM of the period + importer number characters 1-2 and 4-12 (the hyphen at position 3 left out).</summary>
    public static string PmsImporter(int period, string importerNumber)
    {
        ArgumentNullException.ThrowIfNull(importerNumber);
        if (importerNumber.Length != 12) throw new ArgumentException("an importer number is 12 characters (X(12))", nameof(importerNumber));
        return Build('P', period, 6, importerNumber.AsSpan(0, 2), importerNumber.AsSpan(3));
    }

    /// <summary>2330, type 7: 'B' + YYMM of the period + filer code (8 characters).</summary>
    public static string PmsFiler(int period, string filerCode)
    {
        ArgumentNullException.ThrowIfNull(filerCode);
        return Build('B', period, 6, filerCode, "");
    }

    /// <summary>
    /// STRING prefix, the PIC 9(<paramref name="width"/>) number (6 or 8 digits) MOVEd to alphanumeric less its first two digits (the
    /// century), and the two text parts, DELIMITED BY SIZE INTO a 16-character reference of spaces.
    /// </summary>
    private static string Build(char prefix, int value, int width, ReadOnlySpan<char> text1, ReadOnlySpan<char> text2)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "an unsigned display number");
        Span<char> digits = stackalloc char[10];
        if (!value.TryFormat(digits, out var written, width == 8 ? "D8" : "D6", CultureInfo.InvariantCulture) || written > width)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"more than {width} digits");
        var length = 1 + (width - 2) + text1.Length + text2.Length;
        if (length > ReceivableAssignment.ReferenceLength)
            throw new ArgumentException($"statement number '{prefix}{digits[2..width]}{text1}{text2}' longer than 16");
        Span<char> reference = stackalloc char[ReceivableAssignment.ReferenceLength];
        reference.Fill(' ');
        reference[0] = prefix;
        digits[2..width].CopyTo(reference[1..]);
        text1.CopyTo(reference[(width - 1)..]);
        text2.CopyTo(reference[(width - 1 + text1.Length)..]);
        return new string(reference);
    }
}
