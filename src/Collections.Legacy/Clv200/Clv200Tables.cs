using System.Text;
using Collections.Cobol.Records;
using Collections.Domain.EntryFees;

using Collections.Legacy.Records;

namespace Collections.Legacy.Clv200;

/// <summary>
/// Loads FEETAB, SPITAB and HMFPORT the way CLV200 does (1300/1400/1500): records in key sequence, the checks in
/// the legacy's order, the same messages, at most 100 / 50 / 200 rows. A table error stops loading that table;
/// every table is still loaded (each reports its own errors), and the caller ends the run with RC 8.
/// </summary>
internal sealed class Clv200Tables
{
    public const int FeeMax = 100, SpiMax = 50, HmfPortMax = 200;

    public List<FeeScheduleRow> Fees { get; } = [];
    public List<KeyValuePair<string, bool>> Spi { get; } = [];
    public List<string> HmfPorts { get; } = [];

    /// <summary>1300-LOAD-FEE-TABLE. Returns false on a table error (messages written to <paramref name="sysout"/>).</summary>
    public bool LoadFees(IEnumerable<byte[]> records, TextWriter sysout)
    {
        var error = false;
        var prevKey = "\0\0\0\0\0\0\0\0\0\0\0";
        foreach (var raw in records)
        {
            var r = raw;
            var key = LegacyNumeric.Text(r.AsSpan(0, 3)) + LegacyNumeric.Text(r.AsSpan(4, 8));
            if (!AllDigits(r, 4, 8) || !AllDigits(r, 13, 8) || !AllDigits(r, 24, 7) || !AllDigits(r, 32, 7) || !AllDigits(r, 40, 7) || !AllDigits(r, 48, 7))
            {
                sysout.Write("CLV2301E FEE RECORD INVALID: ");
                sysout.Write(LegacyNumeric.Text(r.AsSpan(0, 80)));
                sysout.Write('\n');
                error = true;
            }
            else if (string.CompareOrdinal(key, prevKey) <= 0)
            {
                sysout.Write("CLV2302E FEE TABLE OUT OF SEQUENCE AT " + key + "\n");
                error = true;
            }
            else if (Fees.Count >= FeeMax)
            {
                sysout.Write("CLV2303E FEE TABLE FULL\n");
                error = true;
            }
            else
            {
                prevKey = key;
                Fees.Add(new FeeScheduleRow(
                    LegacyNumeric.Text(r.AsSpan(0, 3)), Digits(r, 4, 8), Digits(r, 13, 8), Digits(r, 24, 7), Digits(r, 32, 7), Digits(r, 40, 7), Digits(r, 48, 7)));
            }
            if (error) break;
        }
        if (Fees.Count == 0)
        {
            sysout.Write("CLV2304E FEE TABLE IS EMPTY\n");
            error = true;
        }
        return !error;
    }

    /// <summary>1400-LOAD-SPI-TABLE.</summary>
    public bool LoadSpi(IEnumerable<byte[]> records, TextWriter sysout)
    {
        var error = false;
        var prevKey = "\0\0";
        foreach (var raw in records)
        {
            var r = raw;
            var code = LegacyNumeric.Text(r.AsSpan(0, 2));
            if (string.CompareOrdinal(code, prevKey) <= 0)
            {
                sysout.Write("CLV2402E SPI TABLE OUT OF SEQUENCE AT " + code + "\n");
                error = true;
            }
            else if (Spi.Count >= SpiMax)
            {
                sysout.Write("CLV2403E SPI TABLE FULL\n");
                error = true;
            }
            else
            {
                prevKey = code;
                Spi.Add(new KeyValuePair<string, bool>(code, r[3] == (byte)'Y'));
            }
            if (error) break;
        }
        if (Spi.Count == 0)
        {
            sysout.Write("CLV2404E SPI TABLE IS EMPTY\n");
            error = true;
        }
        return !error;
    }

    /// <summary>1500-LOAD-HMF-PORT-TABLE.</summary>
    public bool LoadHmfPorts(IEnumerable<byte[]> records, TextWriter sysout)
    {
        var error = false;
        var prevKey = "\0\0\0\0";
        foreach (var raw in records)
        {
            var r = raw;
            var port = LegacyNumeric.Text(r.AsSpan(0, 4));
            if (!AllDigits(r, 0, 4))
            {
                sysout.Write("CLV2501E HMF PORT RECORD INVALID: " + LegacyNumeric.Text(r.AsSpan(0, 40)) + "\n");
                error = true;
            }
            else if (string.CompareOrdinal(port, prevKey) <= 0)
            {
                sysout.Write("CLV2502E HMF PORTS OUT OF SEQUENCE AT " + port + "\n");
                error = true;
            }
            else if (HmfPorts.Count >= HmfPortMax)
            {
                sysout.Write("CLV2503E HMF PORT TABLE FULL\n");
                error = true;
            }
            else
            {
                prevKey = port;
                HmfPorts.Add(port);
            }
            if (error) break;
        }
        if (HmfPorts.Count == 0)
        {
            sysout.Write("CLV2504E HMF PORT TABLE IS EMPTY\n");
            error = true;
        }
        return !error;
    }

    private static bool AllDigits(ReadOnlySpan<byte> r, int offset, int length) => LegacyNumeric.TryDigits(r.Slice(offset, length), out _);

    private static int Digits(ReadOnlySpan<byte> r, int offset, int length)
        => LegacyNumeric.TryDigits(r.Slice(offset, length), out var v) ? v : throw new InvalidOperationException("checked before");
}

/// <summary>Line-sequential reference tables read as GnuCOBOL does (<see cref="RecordFormat.LineSequential"/>).</summary>
internal static class LineSequential
{
    /// <summary>Every record of a line-sequential file, each padded or cut to <paramref name="recordLength"/>.</summary>
    public static List<byte[]> ReadRecords(Stream stream, int recordLength, string name)
    {
        using var reader = RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = RecordFormat.LineSequential, RecordLength = recordLength, FileName = name, LeaveOpen = true,
        });
        var records = new List<byte[]>();
        while (reader.Read(out var record) != RecordReadStatus.EndOfFile) records.Add(record.ToArray());
        return records;
    }

    public static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
