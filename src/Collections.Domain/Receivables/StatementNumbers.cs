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
        return Pad("D" + Digits(statementDate, 8)[2..] + filerCode);
    }

    /// <summary>2330, type 6: 'P' + YYMM of the period + importer number characters 1-2 and 4-12 (the hyphen at position 3 left out).</summary>
    public static string PmsImporter(int period, string importerNumber)
    {
        ArgumentNullException.ThrowIfNull(importerNumber);
        if (importerNumber.Length != 12) throw new ArgumentException("an importer number is 12 characters (X(12))", nameof(importerNumber));
        return Pad("P" + Digits(period, 6)[2..] + importerNumber[..2] + importerNumber[3..]);
    }

    /// <summary>2330, type 7: 'B' + YYMM of the period + filer code (8 characters).</summary>
    public static string PmsFiler(int period, string filerCode)
    {
        ArgumentNullException.ThrowIfNull(filerCode);
        return Pad("B" + Digits(period, 6)[2..] + filerCode);
    }

    /// <summary>MOVE of a PIC 9(n) to alphanumeric: n digits.</summary>
    private static string Digits(int value, int width)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "an unsigned display number");
        var text = value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        if (text.Length > width) throw new ArgumentOutOfRangeException(nameof(value), value, $"more than {width} digits");
        return text;
    }

    private static string Pad(string text) => text.Length > ReceivableAssignment.ReferenceLength
        ? throw new ArgumentException($"statement number '{text}' longer than 16")
        : text.PadRight(ReceivableAssignment.ReferenceLength);
}
