using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv400;

/// <summary>
/// The OPENITEM, LEDGER, SUSPENSE, PAYREC and STMTHDR records: decoding then encoding gives back the legacy's own
/// files byte for byte (sample days and committed fixtures), damaged fields included.
/// </summary>
public class OpenItemRecordsTests
{
    private static IEnumerable<string> OutputDirs()
    {
        foreach (var day in new[] { "2026-03-02", "2026-03-03" }) yield return Path.Combine(RepoPaths.LegacyHome, "sample", day, "out");
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures))
            if (Directory.Exists(Path.Combine(d, "output"))) yield return Path.Combine(d, "output");
    }

    private static IEnumerable<byte[]> Fixed(string path, int length)
    {
        if (!File.Exists(path)) yield break;
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i + length <= bytes.Length; i += length) yield return bytes.AsSpan(i, length).ToArray();
    }

    [Fact]
    public void OpenItem_DecodeEncode_ReproducesEveryLegacyRecord()
    {
        var n = 0;
        foreach (var dir in OutputDirs())
            foreach (var r in Fixed(Path.Combine(dir, "OPENITEM"), OpenItemLayout.RecordLength))
            {
                var copy = new byte[r.Length];
                r.AsSpan(OpenItemLayout.Filler, OpenItemLayout.FillerLength).CopyTo(copy.AsSpan(OpenItemLayout.Filler));
                OpenItemRecord.Encode(OpenItemRecord.Decode(r), copy);
                copy.Should().Equal(r);
                n++;
            }
        n.Should().BeGreaterThan(20);
    }

    [Fact]
    public void OpenItem_DamagedBytes_AreKeptAndReadLeniently()
    {
        var r = OpenItemRecord.ToNewRecord(new OpenItem { RefType = 'S', ItemType = 'A', Status = 'O' });
        r[OpenItemLayout.Balance + 3] = 0xAB;                      // digit nibbles A and B
        "2026X2 1"u8.CopyTo(r.AsSpan(OpenItemLayout.DueDate));
        var item = OpenItemRecord.Decode(r);
        item.Balance.IsNumeric.Should().BeFalse();
        item.Balance.Unscaled.Should().Be((10 * 1_000_000L) + (11 * 100_000L));   // nibble A at 10^6, B at 10^5 (raw values)
        item.DueDate.IsNumeric.Should().BeFalse();
        var back = new byte[r.Length];
        r.AsSpan(OpenItemLayout.Filler).CopyTo(back.AsSpan(OpenItemLayout.Filler));
        OpenItemRecord.Encode(item, back);
        back.Should().Equal(r);
    }

    [Fact]
    public void NewItem_IsTheInitializedRecord()
    {
        var r = OpenItemRecord.ToNewRecord(new OpenItem());
        Encoding.Latin1.GetString(r, 0, 19).Should().Be(new string(' ', 19));
        ((char)r[19]).Should().Be('0');
        Encoding.Latin1.GetString(r, 20, 15).Should().Be(new string(' ', 15));
        Encoding.Latin1.GetString(r, 35, 59).Should().Be(new string('0', 59));
        Convert.ToHexString(r, 94, 35).Should().Be(string.Concat(Enumerable.Repeat("0000000000000C", 5)));
        Encoding.Latin1.GetString(r, 129, 21).Should().Be(new string(' ', 21));
    }

    [Fact]
    public void Ledger_DecodeEncode_ReproducesEveryLegacyRecord()
    {
        var n = 0;
        foreach (var dir in OutputDirs())
            foreach (var r in Fixed(Path.Combine(dir, "LEDGER"), LedgerLayout.RecordLength))
            {
                var copy = new byte[r.Length];
                LedgerRecord.Encode(LedgerRecord.Decode(r), copy);
                copy.Should().Equal(r);
                n++;
            }
        n.Should().BeGreaterThan(50);
    }

    [Fact]
    public void StatementHeader_DecodeEncode_ReproducesEveryLegacyRecord()
    {
        var n = 0;
        foreach (var dir in OutputDirs())
            foreach (var r in Fixed(Path.Combine(dir, "STMTOUT"), StatementHeaderLayout.RecordLength))
            {
                var copy = new byte[r.Length];
                ReceivableRecord.Encode(ReceivableRecord.Decode(r), copy);
                copy.Should().Equal(r);
                n++;
            }
        n.Should().BeGreaterThan(20);
    }

    [Fact]
    public void Suspense_DecodeEncode_ReproducesEveryLegacyLine()
    {
        var n = 0;
        foreach (var dir in OutputDirs())
        {
            var path = Path.Combine(dir, "SUSPENSE");
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadAllText(path, Encoding.Latin1).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var padded = Encoding.Latin1.GetBytes(line.PadRight(SuspenseLayout.RecordLength));
                var copy = new byte[SuspenseLayout.RecordLength];
                SuspenseRecord.Encode(SuspenseRecord.Decode(padded), copy);
                Encoding.Latin1.GetString(copy).TrimEnd(' ').Should().Be(line);
                n++;
            }
        }
        n.Should().BeGreaterThan(5);
    }

    [Theory]
    [InlineData(0L, false, "000000000000{")]
    [InlineData(0L, true, "000000000000}")]
    [InlineData(52139L, false, "000000005213I")]
    [InlineData(-50L, false, "000000000005}")]
    [InlineData(-1234567890123L, false, "123456789012L")]
    public void SuspenseAmount_IsSignedZonedWithOverpunch(long cents, bool negativeZero, string expected)
    {
        var field = new byte[13];
        SuspenseRecord.EncodeAmount(PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount, negativeZero), field);
        Encoding.ASCII.GetString(field).Should().Be(expected);
    }

    [Fact]
    public void Payment_DecodeEncode_ReproducesPaymentFiles()
    {
        var n = 0;
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures))
            foreach (var r in Fixed(Path.Combine(d, "input", "PAYMENTS"), PaymentLayout.RecordLength))
            {
                var copy = new byte[r.Length];
                PaymentRecord.Encode(PaymentRecord.Decode(r), copy);
                copy.AsSpan(0, PaymentLayout.Filler).ToArray().Should().Equal(r.AsSpan(0, PaymentLayout.Filler).ToArray());
                n++;
            }
        n.Should().BeGreaterThan(10);
    }
}
