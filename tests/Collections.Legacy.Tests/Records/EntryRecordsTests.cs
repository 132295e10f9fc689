using System.Globalization;
using System.Text;
using Collections.Domain.LineDuties;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Records;

/// <summary>ENTRYIN H records as CLV100 reads them: every field's text, whatever texts were read before (the short fields' texts are reused).</summary>
public class EntryRecordsTests
{
    private static byte[] HeaderRecord(string entryNo, string type, string importer, string port, int entryDate, int exportDate,
        string mode, char pay, string statementDate, string currency, char manual, string lineCount)
    {
        var r = new byte[EntryRecordLayout.RecordLength];
        r.AsSpan().Fill((byte)' ');
        r[0] = (byte)'H';
        void Put(int offset, string text) => Encoding.Latin1.GetBytes(text, r.AsSpan(offset, text.Length));
        Put(EntryRecordLayout.EntryNo, entryNo);
        Put(EntryRecordLayout.EntryType, type);
        Put(EntryRecordLayout.ImporterNo, importer);
        Put(EntryRecordLayout.PortCode, port);
        Put(EntryRecordLayout.EntryDate, entryDate.ToString("D8", CultureInfo.InvariantCulture));
        Put(EntryRecordLayout.ExportDate, exportDate.ToString("D8", CultureInfo.InvariantCulture));
        Put(EntryRecordLayout.TransportMode, mode);
        r[EntryRecordLayout.PaymentType] = (byte)pay;
        Put(EntryRecordLayout.StatementDate, statementDate);
        Put(EntryRecordLayout.Currency, currency);
        r[EntryRecordLayout.ManualFlag] = (byte)manual;
        Put(EntryRecordLayout.LineCount, lineCount);
        return r;
    }

    [Fact]
    public void Header_EveryFieldAsFiled_AcrossMoreDistinctValuesThanTheTextCacheHolds()
    {
        // 5000 headers with distinct dates (more than the 4096 texts a field keeps), then the first ones again
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < 5000; i += pass == 0 ? 1 : 997)
            {
                var entryDate = 20200101 + i;
                var currency = i % 3 == 0 ? "EUR" : i % 3 == 1 ? "   " : "J\u00C9Y";   // a Latin-1 byte above 0x7F too
                var h = EntryRecords.Header(HeaderRecord("ABC" + i.ToString("D7", CultureInfo.InvariantCulture) + "5", (i % 90).ToString("D2", CultureInfo.InvariantCulture),
                    "IMP" + i.ToString("D9", CultureInfo.InvariantCulture), (1000 + (i % 7)).ToString(CultureInfo.InvariantCulture), entryDate, entryDate - 3,
                    "4" + (i % 10).ToString(CultureInfo.InvariantCulture), (char)('1' + (i % 4)), i % 2 == 0 ? "        " : "2026031X", currency, i % 2 == 0 ? 'Y' : ' ',
                    (i % 1000).ToString("D3", CultureInfo.InvariantCulture)));

                h.Should().Be(new EntryHeaderFields(
                    "ABC" + i.ToString("D7", CultureInfo.InvariantCulture) + "5", (i % 90).ToString("D2", CultureInfo.InvariantCulture),
                    "IMP" + i.ToString("D9", CultureInfo.InvariantCulture), (1000 + (i % 7)).ToString(CultureInfo.InvariantCulture),
                    entryDate.ToString("D8", CultureInfo.InvariantCulture), (entryDate - 3).ToString("D8", CultureInfo.InvariantCulture),
                    "4" + (i % 10).ToString(CultureInfo.InvariantCulture), ((char)('1' + (i % 4))).ToString(), i % 2 == 0 ? "        " : "2026031X", currency,
                    i % 2 == 0 ? 'Y' : ' ', (i % 1000).ToString("D3", CultureInfo.InvariantCulture)), $"header {i}, pass {pass}");
            }
        }
    }
}
