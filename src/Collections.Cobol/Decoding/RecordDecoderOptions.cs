using System.Globalization;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;

namespace Collections.Cobol.Decoding;

/// <summary>Character set of a data file.</summary>
public enum DataEncoding
{
    /// <summary>ASCII (bytes 0x80-0xFF read as Latin-1); signed zoned fields default to <see cref="OverpunchStyle.AsciiEbcdicLetters"/>.</summary>
    Ascii,

    /// <summary>EBCDIC code page 037 (US/Canada); zoned signs <see cref="OverpunchStyle.Ebcdic"/>.</summary>
    Cp037,

    /// <summary>EBCDIC code page 1140 (037 with the euro sign); zoned signs <see cref="OverpunchStyle.Ebcdic"/>.</summary>
    Cp1140,

    /// <summary>EBCDIC code page 273 (Germany, Austria).</summary>
    Cp273,

    /// <summary>EBCDIC code page 1141 (273 with the euro sign).</summary>
    Cp1141,

    /// <summary>EBCDIC code page 500 (International Latin-1).</summary>
    Cp500,

    /// <summary>EBCDIC code page 1148 (500 with the euro sign).</summary>
    Cp1148,

    /// <summary>EBCDIC code page 285 (United Kingdom).</summary>
    Cp285,

    /// <summary>EBCDIC code page 1146 (285 with the euro sign).</summary>
    Cp1146,
}

/// <summary>
/// <c>FIELD=VALUE:GROUP</c>: when FIELD holds VALUE, the record is read through GROUP (an item that takes part in a
/// REDEFINES, or one of several level-01 records of the copybook) and the other items sharing its storage are omitted.
/// <para>
/// An alphanumeric FIELD matches when its bytes, without trailing spaces and trailing low-values (X'00'), are VALUE
/// without trailing spaces in the file's code page (extracts pad segment ids either way). VALUE may be a COBOL
/// hexadecimal literal (<c>X'C3'</c>, <c>X"00C1"</c>): raw bytes, compared the same way for an alphanumeric FIELD and
/// byte for byte (the whole field) for a numeric one. Other numeric FIELDs compare by value (1 = 01 = 1.0).
/// </para>
/// </summary>
public sealed record RecordSelection(string FieldName, string Value, string GroupName)
{
    /// <summary>Parses <c>FIELD=VALUE:GROUP</c> (the value may contain '=' but not ':' after the last one... the
    /// group is after the last ':'). A VALUE written X'..' must be a hexadecimal literal (an even number of hex digits).</summary>
    public static RecordSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        int colon = text.LastIndexOf(':');
        if (eq <= 0 || colon <= eq || colon == text.Length - 1)
            throw new FormatException($"selection '{text}' is not FIELD=VALUE:GROUP");
        var selection = new RecordSelection(text[..eq].Trim().ToUpperInvariant(), text[(eq + 1)..colon], text[(colon + 1)..].Trim().ToUpperInvariant());
        if (LooksHex(selection.Value) && ParseHex(selection.Value) is null)
            throw new FormatException($"selection '{text}': {selection.Value.Trim()} is not a hexadecimal literal (X'..' with an even number of hex digits)");
        return selection;
    }

    /// <summary>True when VALUE is written as a hexadecimal literal (X'..' or X"..").</summary>
    public bool IsHexLiteral => ParseHex(Value) is not null;

    private static bool LooksHex(string value)
    {
        var v = value.Trim();
        return v.Length >= 3 && v[0] is 'X' or 'x' && v[1] is '\'' or '"' && v[^1] == v[1];
    }

    /// <summary>The bytes of a hexadecimal literal, or null when <paramref name="value"/> is not one.</summary>
    private static byte[]? ParseHex(string value)
    {
        if (!LooksHex(value)) return null;
        var digits = value.Trim()[2..^1];
        if (digits.Length % 2 != 0) return null;
        foreach (var c in digits) if (!char.IsAsciiHexDigit(c)) return null;
        return Convert.FromHexString(digits);
    }

    /// <summary>What a decoder compares the FIELD's bytes with (computed once per decoder).</summary>
    internal SelectionTarget Target(Copybooks.LayoutField field, CodePage codePage)
    {
        var hex = ParseHex(Value);
        if (field.Picture is { IsNumeric: true })
        {
            if (hex is null) return SelectionTarget.Numeric;
            if (hex.Length != field.Length)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--select {this}: '{FieldName}' is a numeric field of {field.Length} bytes; the literal has {hex.Length}"));
            return new SelectionTarget(SelectionKind.Exact, hex);
        }
        byte[] bytes;
        if (hex is not null)
        {
            bytes = hex.AsSpan(0, TrimmedLength(hex, codePage.Space)).ToArray();
        }
        else
        {
            var text = Value.TrimEnd(' ');
            bytes = new byte[text.Length];
            try
            {
                codePage.Encode(text, bytes);
            }
            catch (ArgumentException)
            {
                return SelectionTarget.Never; // a character the code page cannot hold: the selection never matches
            }
        }
        return bytes.Length <= field.Length ? new SelectionTarget(SelectionKind.Padded, bytes) : SelectionTarget.Never;
    }

    /// <summary>Length of <paramref name="field"/> without its trailing spaces and low-values.</summary>
    internal static int TrimmedLength(ReadOnlySpan<byte> field, byte space)
    {
        var end = field.Length;
        while (end > 0 && (field[end - 1] == space || field[end - 1] == 0)) end--;
        return end;
    }

    /// <summary>
    /// True when a numeric selector field holding <paramref name="unscaled"/> (at <paramref name="pic"/>'s scale) has
    /// the selection's value, compared as exact numbers ("5" matches 5.00; with P scaling at scale 0).
    /// </summary>
    internal bool MatchesNumber(Copybooks.Picture pic, Int128 unscaled)
    {
        if (!FixedPoint.TryParseInt128(Value.Trim(), Math.Max(pic.Scale, 0), out var wanted)) return false;
        if (pic.Scale < 0)
        {
            // compare at scale 0: value = unscaled * 10^-scale
            for (var i = 0; i < -pic.Scale; i++) unscaled *= 10;
        }
        return unscaled == wanted;
    }

    public override string ToString() => $"{FieldName}={Value}:{GroupName}";
}

internal enum SelectionKind
{
    /// <summary>A numeric field compared by value (<see cref="RecordSelection.MatchesNumber"/>).</summary>
    Numeric,

    /// <summary>An alphanumeric field: its bytes without trailing spaces and low-values equal <see cref="SelectionTarget.Bytes"/>.</summary>
    Padded,

    /// <summary>The field's bytes equal <see cref="SelectionTarget.Bytes"/> (a hexadecimal literal for a numeric field).</summary>
    Exact,

    /// <summary>The value cannot be in the field (longer than it, or not representable in the code page).</summary>
    Never,
}

/// <summary>A selection's value as the bytes its field is compared with.</summary>
internal sealed record SelectionTarget(SelectionKind Kind, byte[] Bytes)
{
    public static SelectionTarget Numeric { get; } = new(SelectionKind.Numeric, []);

    public static SelectionTarget Never { get; } = new(SelectionKind.Never, []);

    /// <summary>Compares a field's bytes (Padded, Exact, Never; Numeric is compared by the caller).</summary>
    public bool Matches(ReadOnlySpan<byte> field, byte space) => Kind switch
    {
        SelectionKind.Padded => field[..RecordSelection.TrimmedLength(field, space)].SequenceEqual(Bytes),
        SelectionKind.Exact => field.SequenceEqual(Bytes),
        _ => false,
    };
}

/// <summary>How records are decoded. Defaults: ASCII with the legacy's over-punch letters, strict packed signs.</summary>
public sealed class RecordDecoderOptions
{
    public DataEncoding Encoding { get; set; } = DataEncoding.Ascii;

    /// <summary>Zoned-decimal sign convention; null = by encoding (ASCII: AsciiEbcdicLetters, EBCDIC: Ebcdic).</summary>
    public OverpunchStyle? Overpunch { get; set; }

    public PackedSignPolicy PackedSigns { get; set; } = PackedSignPolicy.Strict;

    /// <summary>Byte order of COMP-5 items; null = by encoding (EBCDIC files come from a big-endian mainframe,
    /// ASCII files from cobc on a little-endian machine). COMP / COMP-4 / BINARY are always big-endian.</summary>
    public bool? NativeBinaryBigEndian { get; set; }

    /// <summary>COMP-1 / COMP-2 format; null = by encoding (EBCDIC files: IBM hexadecimal floating point, the
    /// mainframe's; ASCII files: IEEE 754, GnuCOBOL's).</summary>
    public FloatFormat? FloatFormat { get; set; }

    /// <summary>Byte order of COMP-1 / COMP-2 items; null = the COMP-5 byte order (<see cref="EffectiveNativeBigEndian"/>:
    /// big-endian for EBCDIC files, little-endian for ASCII files written by cobc on x86/ARM).</summary>
    public bool? FloatBigEndian { get; set; }

    /// <summary>Records shorter than the layout are padded with spaces before decoding (GnuCOBOL does this for
    /// LINE SEQUENTIAL files, whose trailing blanks are removed on write). Otherwise a field past the end of the
    /// record is a field error.</summary>
    public bool PadShortRecords { get; set; }

    public IList<RecordSelection> Selections { get; } = new List<RecordSelection>();

    public OverpunchStyle EffectiveOverpunch => Overpunch ?? (Encoding == DataEncoding.Ascii ? OverpunchStyle.AsciiEbcdicLetters : OverpunchStyle.Ebcdic);

    public bool EffectiveNativeBigEndian => NativeBinaryBigEndian ?? Encoding != DataEncoding.Ascii;

    public FloatFormat EffectiveFloatFormat => FloatFormat ?? (Encoding == DataEncoding.Ascii ? Codecs.FloatFormat.Ieee754 : Codecs.FloatFormat.IbmHexadecimal);

    public bool EffectiveFloatBigEndian => FloatBigEndian ?? EffectiveNativeBigEndian;

    public void Validate()
    {
        if (!Enum.IsDefined(Encoding)) throw new ArgumentOutOfRangeException(nameof(Encoding), Encoding, "unknown encoding");
        if (FloatFormat is { } ff && !Enum.IsDefined(ff)) throw new ArgumentOutOfRangeException(nameof(FloatFormat), ff, "unknown floating-point format");
        if (Encoding == DataEncoding.Ascii && Overpunch == OverpunchStyle.Ebcdic)
            throw new ArgumentException("EBCDIC over-punch bytes cannot be used with an ASCII file");
        if (Encoding != DataEncoding.Ascii && Overpunch is OverpunchStyle.AsciiEbcdicLetters or OverpunchStyle.GnuCobolAscii)
            throw new ArgumentException("ASCII over-punch conventions cannot be used with an EBCDIC file");
    }

    /// <summary>Parses "ascii" or an EBCDIC page: "cp037", "cp1140", "cp273", "cp1141", "cp500", "cp1148", "cp285",
    /// "cp1146" (also the bare numbers and "ibm037" / "ibm01140" spellings; "ebcdic" = cp037).</summary>
    public static DataEncoding ParseEncoding(string text) => text.ToLowerInvariant() switch
    {
        "ascii" => DataEncoding.Ascii,
        "cp037" or "037" or "ibm037" or "ebcdic" => DataEncoding.Cp037,
        "cp1140" or "1140" or "ibm01140" or "ibm1140" => DataEncoding.Cp1140,
        "cp273" or "273" or "ibm273" => DataEncoding.Cp273,
        "cp1141" or "1141" or "ibm01141" or "ibm1141" => DataEncoding.Cp1141,
        "cp500" or "500" or "ibm500" => DataEncoding.Cp500,
        "cp1148" or "1148" or "ibm01148" or "ibm1148" => DataEncoding.Cp1148,
        "cp285" or "285" or "ibm285" => DataEncoding.Cp285,
        "cp1146" or "1146" or "ibm01146" or "ibm1146" => DataEncoding.Cp1146,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture,
            $"encoding '{text}' is not supported (ascii, cp037, cp1140, cp273, cp1141, cp500, cp1148, cp285, cp1146)")),
    };

    /// <summary>Code page of alphanumeric fields: Latin-1 for ASCII files (every byte decodes, as PIC X may hold
    /// any byte, e.g. HIGH-VALUES), the EBCDIC page for EBCDIC files.</summary>
    public CodePage CodePage => Encoding switch
    {
        DataEncoding.Ascii => CodePage.Latin1,
        DataEncoding.Cp037 => CodePage.Cp037,
        DataEncoding.Cp1140 => CodePage.Cp1140,
        DataEncoding.Cp273 => CodePage.Cp273,
        DataEncoding.Cp1141 => CodePage.Cp1141,
        DataEncoding.Cp500 => CodePage.Cp500,
        DataEncoding.Cp1148 => CodePage.Cp1148,
        DataEncoding.Cp285 => CodePage.Cp285,
        _ => CodePage.Cp1146,
    };

    internal byte SpaceByte => Encoding == DataEncoding.Ascii ? (byte)0x20 : (byte)0x40;
}
