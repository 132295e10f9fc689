using System.Runtime.Intrinsics;
using System.Globalization;
using Collections.Cobol.Codecs;

namespace Collections.Cobol.Text;

/// <summary>
/// A single-byte code page for alphanumeric (PIC X) fields, held as its own 256-entry table (no dependency on
/// System.Text.Encoding.CodePages): <see cref="Ascii"/> (strict 7-bit), <see cref="Latin1"/>, and the EBCDIC pages
/// <see cref="Cp037"/> (US/Canada), <see cref="Cp273"/> (Germany/Austria), <see cref="Cp285"/> (United Kingdom),
/// <see cref="Cp500"/> (International Latin-1), and their euro variants <see cref="Cp1140"/>, <see cref="Cp1141"/>,
/// <see cref="Cp1146"/>, <see cref="Cp1148"/> (the same with U+20AC at 0x9F). The EBCDIC tables are IBM's mappings as
/// .NET's IBM encodings have them (tested byte for byte). Decoding is a table lookup per byte; encoding a character the
/// code page cannot represent is an error, never a '?'.
/// </summary>
public sealed class CodePage
{
    private readonly char[] _toChar;      // 256 entries; '\uFFFF' = undefined byte
    private readonly Dictionary<char, byte> _toByte;

    private CodePage(string name, char[] toChar, byte space)
    {
        Name = name;
        _toChar = toChar;
        _kind = name switch
        {
            "ascii" => Kind.Ascii,
            "latin1" => Kind.Latin1,
            _ => Array.IndexOf(toChar, Undefined) < 0 ? Kind.Complete : Kind.Partial,
        };
        Space = space;
        _toByte = new Dictionary<char, byte>(256);
        for (var i = 0; i < 256; i++)
        {
            if (toChar[i] != Undefined) _toByte.TryAdd(toChar[i], (byte)i);
        }
    }

    private const char Undefined = '\uFFFF';

    private enum Kind { Partial, Complete, Ascii, Latin1 }

    private readonly Kind _kind;

    /// <summary>7-bit ASCII; bytes 0x80-0xFF are invalid.</summary>
    public static CodePage Ascii { get; } = new("ascii", BuildAscii(), 0x20);

    /// <summary>ISO-8859-1: every byte maps to U+0000-U+00FF (lossless for any byte).</summary>
    public static CodePage Latin1 { get; } = new("latin1", BuildLatin1(), 0x20);

    /// <summary>IBM EBCDIC code page 037 (US/Canada).</summary>
    public static CodePage Cp037 { get; } = new("cp037", Cp037Table.ToArray(), 0x40);

    /// <summary>IBM EBCDIC code page 1140: cp037 with U+20AC (euro) at 0x9F.</summary>
    public static CodePage Cp1140 { get; } = new("cp1140", Euro(Cp037Table.ToArray()), 0x40);

    /// <summary>IBM EBCDIC code page 273 (Germany, Austria).</summary>
    public static CodePage Cp273 { get; } = new("cp273", FromCp037(Cp273Changes), 0x40);

    /// <summary>IBM EBCDIC code page 1141: cp273 with U+20AC (euro) at 0x9F.</summary>
    public static CodePage Cp1141 { get; } = new("cp1141", Euro(FromCp037(Cp273Changes)), 0x40);

    /// <summary>IBM EBCDIC code page 285 (United Kingdom).</summary>
    public static CodePage Cp285 { get; } = new("cp285", FromCp037(Cp285Changes), 0x40);

    /// <summary>IBM EBCDIC code page 1146: cp285 with U+20AC (euro) at 0x9F.</summary>
    public static CodePage Cp1146 { get; } = new("cp1146", Euro(FromCp037(Cp285Changes)), 0x40);

    /// <summary>IBM EBCDIC code page 500 (International Latin-1: Belgium, Switzerland, ...).</summary>
    public static CodePage Cp500 { get; } = new("cp500", FromCp037(Cp500Changes), 0x40);

    /// <summary>IBM EBCDIC code page 1148: cp500 with U+20AC (euro) at 0x9F.</summary>
    public static CodePage Cp1148 { get; } = new("cp1148", Euro(FromCp037(Cp500Changes)), 0x40);

    /// <summary>"ascii", "latin1", "cp037", "cp273", "cp285", "cp500", "cp1140", "cp1141", "cp1146" or "cp1148" (also
    /// "ibmNNN" / "ibm0NNNN" and the bare numbers; "ebcdic" = cp037).</summary>
    public static CodePage FromName(string name) => name.ToLowerInvariant() switch
    {
        "ascii" or "us-ascii" => Ascii,
        "latin1" or "iso-8859-1" => Latin1,
        "cp037" or "ibm037" or "037" or "ebcdic" => Cp037,
        "cp273" or "ibm273" or "273" => Cp273,
        "cp285" or "ibm285" or "285" => Cp285,
        "cp500" or "ibm500" or "500" => Cp500,
        "cp1140" or "ibm01140" or "ibm1140" or "1140" => Cp1140,
        "cp1141" or "ibm01141" or "ibm1141" or "1141" => Cp1141,
        "cp1146" or "ibm01146" or "ibm1146" or "1146" => Cp1146,
        "cp1148" or "ibm01148" or "ibm1148" or "1148" => Cp1148,
        _ => throw new ArgumentException($"unknown code page '{name}' (ascii, latin1, cp037, cp273, cp285, cp500, cp1140, cp1141, cp1146, cp1148)", nameof(name)),
    };

    public string Name { get; }

    /// <summary>The byte of a space in this code page (0x20 or 0x40).</summary>
    public byte Space { get; }

    /// <summary>True for the EBCDIC code pages.</summary>
    public bool IsEbcdic => Space == 0x40;

    /// <summary>The character of <paramref name="b"/>, or U+FFFF if the byte is not defined.</summary>
    public char ToChar(byte b) => _toChar[b];

    /// <summary>Decodes a field; an undefined byte is a <see cref="CobolDataException"/>.</summary>
    public string Decode(ReadOnlySpan<byte> field)
    {
        if (field.Length <= 256)
        {
            Span<char> chars = stackalloc char[field.Length];
            Decode(field, chars);
            return new string(chars);
        }
        var buffer = new char[field.Length];
        Decode(field, buffer);
        return new string(buffer);
    }

    /// <summary>Decodes into <paramref name="destination"/> (at least as long as the field); returns the count.</summary>
    public int Decode(ReadOnlySpan<byte> field, Span<char> destination)
    {
        if (destination.Length < field.Length)
            throw new ArgumentException("destination is shorter than the field", nameof(destination));
        switch (_kind)
        {
            case Kind.Latin1:
                WidenLatin1(field, destination);
                return field.Length;
            case Kind.Ascii when field.Length < 32:
            {
                var bad = false;
                for (var i = 0; i < field.Length; i++)
                {
                    var b = field[i];
                    bad |= b > 0x7F;
                    destination[i] = (char)b;
                }
                if (!bad) return field.Length;
                break;
            }
            case Kind.Ascii:
                if (System.Text.Ascii.ToUtf16(field, destination, out var written) == System.Buffers.OperationStatus.Done) return written;
                break;
            case Kind.Complete:
                var t = _toChar;
                for (var i = 0; i < field.Length; i++) destination[i] = t[field[i]];
                return field.Length;
        }
        var table = _toChar;
        for (var i = 0; i < field.Length; i++)
        {
            var c = table[field[i]];
            if (c == Undefined)
                throw new CobolDataException(string.Format(CultureInfo.InvariantCulture,
                    "byte 0x{0:X2} at position {1} is not defined in {2}", field[i], i, Name), field);
            destination[i] = c;
        }
        return field.Length;
    }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="field"/>, left-justified and padded with spaces
    /// (as MOVE to PIC X). Text longer than the field or a character the code page cannot represent throws
    /// <see cref="ArgumentException"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, Span<byte> field)
    {
        if (text.Length > field.Length)
            throw new ArgumentException($"text of {text.Length} characters does not fit a {field.Length}-byte field", nameof(text));
        for (var i = 0; i < text.Length; i++)
        {
            if (!_toByte.TryGetValue(text[i], out var b))
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "character U+{0:X4} at position {1} cannot be encoded in {2}", (int)text[i], i, Name), nameof(text));
            field[i] = b;
        }
        field[text.Length..].Fill(Space);
    }

    public override string ToString() => Name;

    /// <summary>Byte → char for Latin-1, eight bytes per step (SIMD widening).</summary>
    private static void WidenLatin1(ReadOnlySpan<byte> field, Span<char> destination)
    {
        var i = 0;
        if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var target = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(destination);
            for (; i + 8 <= field.Length; i += 8)
            {
                var bytes = System.Runtime.Intrinsics.Vector128.CreateScalar(
                    System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(field.Slice(i, 8))).AsByte();
                System.Runtime.Intrinsics.Vector128.WidenLower(bytes).CopyTo(target.Slice(i, 8));
            }
        }
        for (; i < field.Length; i++) destination[i] = (char)field[i];
    }

    private static char[] BuildAscii()
    {
        var t = new char[256];
        for (var i = 0; i < 256; i++) t[i] = i < 128 ? (char)i : Undefined;
        return t;
    }

    private static char[] BuildLatin1()
    {
        var t = new char[256];
        for (var i = 0; i < 256; i++) t[i] = (char)i;
        return t;
    }

    /// <summary>The euro variant of an EBCDIC page (1140 of 037, 1141 of 273, 1146 of 285, 1148 of 500): U+20AC at 0x9F
    /// instead of U+00A4.</summary>
    private static char[] Euro(char[] table)
    {
        table[0x9F] = '\u20AC';
        return table;
    }

    private static char[] FromCp037(ReadOnlySpan<(byte Byte, char Char)> changes)
    {
        var t = Cp037Table.ToArray();
        foreach (var (b, c) in changes) t[b] = c;
        return t;
    }

    /// <summary>cp273 where it differs from cp037 (the German and Austrian letters and the characters they displace).</summary>
    private static (byte Byte, char Char)[] Cp273Changes =>
    [
        (0x43, '\u007B'), (0x4A, '\u00C4'), (0x4F, '\u0021'), (0x59, '\u007E'), (0x5A, '\u00DC'), (0x5F, '\u005E'), (0x63, '\u005B'), (0x6A, '\u00F6'), (0x7C, '\u00A7'),
        (0xA1, '\u00DF'), (0xB0, '\u00A2'), (0xB5, '\u0040'), (0xBA, '\u00AC'), (0xBB, '\u007C'), (0xC0, '\u00E4'), (0xCC, '\u00A6'), (0xD0, '\u00FC'), (0xDC, '\u007D'),
        (0xE0, '\u00D6'), (0xEC, '\u005C'), (0xFC, '\u005D'),
    ];

    /// <summary>cp285 where it differs from cp037 (the pound sign at 0x5B, the dollar at 0x4A, ...).</summary>
    private static (byte Byte, char Char)[] Cp285Changes =>
    [
        (0x4A, '\u0024'), (0x5B, '\u00A3'), (0xA1, '\u00AF'), (0xB0, '\u00A2'), (0xB1, '\u005B'), (0xBA, '\u005E'), (0xBC, '\u007E'),
    ];

    /// <summary>cp500 where it differs from cp037 (brackets, exclamation mark, circumflex, vertical line, cent and not signs).</summary>
    private static (byte Byte, char Char)[] Cp500Changes =>
    [
        (0x4A, '\u005B'), (0x4F, '\u0021'), (0x5A, '\u005D'), (0x5F, '\u005E'), (0xB0, '\u00A2'), (0xBA, '\u00AC'), (0xBB, '\u007C'),
    ];

    /// <summary>IBM037 byte to Unicode (the IBM/Unicode mapping, as in CodePagesEncodingProvider and Python's cp037).</summary>
    private static ReadOnlySpan<char> Cp037Table =>
    [
        '\u0000', '\u0001', '\u0002', '\u0003', '\u009C', '\u0009', '\u0086', '\u007F', '\u0097', '\u008D', '\u008E', '\u000B', '\u000C', '\u000D', '\u000E', '\u000F',
        '\u0010', '\u0011', '\u0012', '\u0013', '\u009D', '\u0085', '\u0008', '\u0087', '\u0018', '\u0019', '\u0092', '\u008F', '\u001C', '\u001D', '\u001E', '\u001F',
        '\u0080', '\u0081', '\u0082', '\u0083', '\u0084', '\u000A', '\u0017', '\u001B', '\u0088', '\u0089', '\u008A', '\u008B', '\u008C', '\u0005', '\u0006', '\u0007',
        '\u0090', '\u0091', '\u0016', '\u0093', '\u0094', '\u0095', '\u0096', '\u0004', '\u0098', '\u0099', '\u009A', '\u009B', '\u0014', '\u0015', '\u009E', '\u001A',
        '\u0020', '\u00A0', '\u00E2', '\u00E4', '\u00E0', '\u00E1', '\u00E3', '\u00E5', '\u00E7', '\u00F1', '\u00A2', '\u002E', '\u003C', '\u0028', '\u002B', '\u007C',
        '\u0026', '\u00E9', '\u00EA', '\u00EB', '\u00E8', '\u00ED', '\u00EE', '\u00EF', '\u00EC', '\u00DF', '\u0021', '\u0024', '\u002A', '\u0029', '\u003B', '\u00AC',
        '\u002D', '\u002F', '\u00C2', '\u00C4', '\u00C0', '\u00C1', '\u00C3', '\u00C5', '\u00C7', '\u00D1', '\u00A6', '\u002C', '\u0025', '\u005F', '\u003E', '\u003F',
        '\u00F8', '\u00C9', '\u00CA', '\u00CB', '\u00C8', '\u00CD', '\u00CE', '\u00CF', '\u00CC', '\u0060', '\u003A', '\u0023', '\u0040', '\u0027', '\u003D', '\u0022',
        '\u00D8', '\u0061', '\u0062', '\u0063', '\u0064', '\u0065', '\u0066', '\u0067', '\u0068', '\u0069', '\u00AB', '\u00BB', '\u00F0', '\u00FD', '\u00FE', '\u00B1',
        '\u00B0', '\u006A', '\u006B', '\u006C', '\u006D', '\u006E', '\u006F', '\u0070', '\u0071', '\u0072', '\u00AA', '\u00BA', '\u00E6', '\u00B8', '\u00C6', '\u00A4',
        '\u00B5', '\u007E', '\u0073', '\u0074', '\u0075', '\u0076', '\u0077', '\u0078', '\u0079', '\u007A', '\u00A1', '\u00BF', '\u00D0', '\u00DD', '\u00DE', '\u00AE',
        '\u005E', '\u00A3', '\u00A5', '\u00B7', '\u00A9', '\u00A7', '\u00B6', '\u00BC', '\u00BD', '\u00BE', '\u005B', '\u005D', '\u00AF', '\u00A8', '\u00B4', '\u00D7',
        '\u007B', '\u0041', '\u0042', '\u0043', '\u0044', '\u0045', '\u0046', '\u0047', '\u0048', '\u0049', '\u00AD', '\u00F4', '\u00F6', '\u00F2', '\u00F3', '\u00F5',
        '\u007D', '\u004A', '\u004B', '\u004C', '\u004D', '\u004E', '\u004F', '\u0050', '\u0051', '\u0052', '\u00B9', '\u00FB', '\u00FC', '\u00F9', '\u00FA', '\u00FF',
        '\u005C', '\u00F7', '\u0053', '\u0054', '\u0055', '\u0056', '\u0057', '\u0058', '\u0059', '\u005A', '\u00B2', '\u00D4', '\u00D6', '\u00D2', '\u00D3', '\u00D5',
        '\u0030', '\u0031', '\u0032', '\u0033', '\u0034', '\u0035', '\u0036', '\u0037', '\u0038', '\u0039', '\u00B3', '\u00DB', '\u00DC', '\u00D9', '\u00DA', '\u009F',
    ];
}
