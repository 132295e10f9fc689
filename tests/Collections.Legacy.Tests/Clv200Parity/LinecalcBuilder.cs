using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>One line of a crafted LINECALC day (test input for CLV200). Amounts in cents; raw MPF in 0.00001.</summary>
public sealed record CraftedLine
{
    public required string EntryNumber { get; init; }
    public int LineNumber { get; init; } = 1;
    public char Status { get; init; } = 'A';
    public string EntryType { get; init; } = "01";
    public string Importer { get; init; } = "12-345678900";
    public string Port { get; init; } = "2704";
    public int EntryDate { get; init; } = 20260302;
    public int TransportMode { get; init; } = 40;
    public int PaymentType { get; init; } = 1;
    public int StatementDate { get; init; }
    public char Manual { get; init; } = 'N';
    public string Hts { get; init; } = "8471300100";
    public string Spi { get; init; } = "  ";
    public long UsdValue { get; init; } = 1_000_000;
    public long Duty { get; init; }
    public (string RevClass, char Applied, long Amount)[] Chapter99 { get; init; } = [];
    public char AdcvdType { get; init; } = ' ';
    public long Adcvd { get; init; }

    /// <summary>Raw MPF; by default what CLV100 computes (value x 0.003464, truncated to 5 decimals).</summary>
    public long? RawMpf { get; init; }

    public long Cotton { get; init; }
}

/// <summary>Writes LINECALC records (copybook LINECALC, 250 bytes) for crafted CLV200 inputs.</summary>
public static class LinecalcBuilder
{
    public static byte[] Build(IEnumerable<CraftedLine> lines)
    {
        using var ms = new MemoryStream();
        var n = 0;
        foreach (var l in lines) ms.Write(Record(l, ++n));
        return ms.ToArray();
    }

    public static byte[] Record(CraftedLine l, int inputRecordNo)
    {
        var r = new byte[250];
        r.AsSpan().Fill((byte)' ');
        Text(r, 0, 11, l.EntryNumber);
        Digits(r, 11, 3, l.LineNumber);
        r[14] = (byte)l.Status;
        Text(r, 15, 4, l.Status == 'R' ? "L001" : "    ");
        Text(r, 19, 2, l.EntryType);
        Text(r, 21, 12, l.Importer);
        Text(r, 33, 4, l.Port);
        Digits(r, 37, 8, l.EntryDate);
        Digits(r, 45, 2, l.TransportMode);
        Digits(r, 47, 1, l.PaymentType);
        Digits(r, 48, 8, l.StatementDate);
        r[56] = (byte)l.Manual;
        Text(r, 57, 3, "USD");
        PackedDecimal.Encode(1_000000, r.AsSpan(60, 7), 12, signed: false);
        r[67] = (byte)'U';
        Text(r, 68, 10, l.Hts);
        Text(r, 78, 2, "CN");
        Text(r, 80, 2, l.Spi);
        var rejected = l.Status == 'R';
        Packed(r, 82, 13, rejected ? 0 : l.UsdValue);
        Packed(r, 89, 13, rejected ? 0 : l.UsdValue);
        Packed(r, 96, 11, 100);
        Text(r, 102, 3, "NO ");
        Packed(r, 105, 11, 1000);
        r[111] = (byte)'A';
        PackedDecimal.Encode(25000, r.AsSpan(112, 4), 7, signed: false);
        PackedDecimal.Encode(0, r.AsSpan(116, 6), 10, signed: false);
        r[122] = (byte)'N';
        Packed(r, 123, 13, rejected ? 0 : l.Duty);
        for (var i = 0; i < 3; i++)
        {
            var at = 130 + (25 * i);
            var (cls, applied, amount) = i < l.Chapter99.Length ? l.Chapter99[i] : ("   ", ' ', 0L);
            Text(r, at, 10, i < l.Chapter99.Length ? "9903880100" : "");
            Text(r, at + 10, 3, cls);
            PackedDecimal.Encode(i < l.Chapter99.Length ? 250000 : 0, r.AsSpan(at + 13, 4), 7, signed: false);
            r[at + 17] = (byte)applied;
            Packed(r, at + 18, 13, rejected ? 0 : amount);
        }
        Text(r, 205, 10, l.AdcvdType == ' ' ? "" : "A570848003");
        r[215] = (byte)l.AdcvdType;
        Packed(r, 216, 13, rejected ? 0 : l.Adcvd);
        Packed(r, 223, 14, rejected ? 0 : l.RawMpf ?? (l.UsdValue * 3464 / 1000));
        Packed(r, 231, 13, rejected ? 0 : l.Cotton);
        Digits(r, 238, 7, inputRecordNo);
        return r;
    }

    private static void Text(byte[] r, int offset, int length, string value)
    {
        r.AsSpan(offset, length).Fill((byte)' ');
        Encoding.ASCII.GetBytes(value.Length > length ? value[..length] : value, r.AsSpan(offset, length));
    }

    private static void Digits(byte[] r, int offset, int length, long value)
        => ZonedDecimal.Encode(value, r.AsSpan(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);

    private static void Packed(byte[] r, int offset, int digits, long value)
        => PackedDecimal.Encode(value, r.AsSpan(offset, PackedDecimal.ByteLength(digits)), digits, signed: true);
}
