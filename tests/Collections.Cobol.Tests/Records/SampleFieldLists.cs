using System.Text.RegularExpressions;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;

namespace Collections.Cobol.Tests.Records;

/// <summary>A field at an offset of a record (test helper).</summary>
public sealed record SampleField(string Name, int Offset, FieldCodec Codec);

/// <summary>
/// Elementary fields of the legacy's record layouts, transcribed from ../shared/legacy/copybooks (name and PIC/usage
/// per line, in copybook order; offsets are computed here). The copybook parser is another helper's; this list only
/// serves the codec round-trip tests and is checked against the record lengths the legacy programs declare.
/// </summary>
public static partial class SampleFieldLists
{
    // "NAME PIC [COMP-3]" lines; "*n" repeats the line n times (OCCURS)
    public static readonly string EntryHeader = """
        ER-REC-TYPE X(01)
        EH-FILER-CODE X(03)
        EH-ENTRY-SERIAL 9(07)
        EH-CHECK-DIGIT 9(01)
        EH-ENTRY-TYPE X(02)
        EH-IMPORTER-NO X(12)
        EH-PORT-CODE 9(04)
        EH-ENTRY-DATE 9(08)
        EH-EXPORT-DATE 9(08)
        EH-TRANSPORT-MODE 9(02)
        EH-PAYMENT-TYPE 9(01)
        EH-STMT-DATE 9(08)
        EH-CURRENCY-CODE X(03)
        EH-MANUAL-FLAG X(01)
        EH-LINE-COUNT 9(03)
        FILLER X(186)
        """;

    public static readonly string EntryLine = """
        ER-REC-TYPE X(01)
        EL-ENTRY-NO X(11)
        EL-LINE-NO 9(03)
        EL-HTS-NO X(10)
        EL-ORIGIN-COUNTRY X(02)
        EL-SPI-CODE X(02)
        EL-FOREIGN-VALUE S9(11)V99 COMP-3
        EL-NET-QUANTITY S9(09)V99 COMP-3
        EL-QUANTITY-UNIT X(03)
        EL-NET-KG S9(09)V99 COMP-3
        EL-CH99-COUNT 9(01)
        EL-CH99-NO X(10) *3
        EL-ADCVD-CASE-NO X(10)
        FILLER X(158)
        """;

    public static readonly string EntryTrailer = """
        ER-REC-TYPE X(01)
        ET-RECORD-COUNT 9(07)
        ET-ENTRY-COUNT 9(07)
        ET-VALUE-HASH S9(15)V99 COMP-3
        FILLER X(226)
        """;

    public static readonly string Payment = """
        PAY-PAYMENT-ID X(12)
        PAY-METHOD X(01)
        PAY-REF-TYPE X(01)
        PAY-REFERENCE X(16)
        PAY-AMOUNT S9(11)V99 COMP-3
        PAY-DATE-RECEIVED 9(08)
        FILLER X(05)
        """;

    public static readonly string LineCalc = """
        LC-ENTRY-NO X(11)
        LC-LINE-NO 9(03)
        LC-LINE-STATUS X(01)
        LC-REASON-CODE X(04)
        LC-ENTRY-TYPE X(02)
        LC-IMPORTER-NO X(12)
        LC-PORT-CODE 9(04)
        LC-ENTRY-DATE 9(08)
        LC-TRANSPORT-MODE 9(02)
        LC-PAYMENT-TYPE 9(01)
        LC-STMT-DATE 9(08)
        LC-MANUAL-FLAG X(01)
        LC-CURRENCY-CODE X(03)
        LC-EXCHANGE-RATE 9(06)V9(06) COMP-3
        LC-RATE-SOURCE X(01)
        LC-HTS-NO X(10)
        LC-ORIGIN-COUNTRY X(02)
        LC-SPI-CODE X(02)
        LC-FOREIGN-VALUE S9(11)V99 COMP-3
        LC-USD-VALUE S9(11)V99 COMP-3
        LC-NET-QUANTITY S9(09)V99 COMP-3
        LC-QUANTITY-UNIT X(03)
        LC-NET-KG S9(09)V99 COMP-3
        LC-RATE-TYPE X(01)
        LC-ADVAL-RATE 9(01)V9(06) COMP-3
        LC-SPECIFIC-RATE 9(04)V9(06) COMP-3
        LC-SPI-FREE-FLAG X(01)
        LC-DUTY-AMT S9(11)V99 COMP-3
        LC-CH99-NO X(10) +3
        LC-CH99-REV-CLASS X(03) +3
        LC-CH99-RATE 9(01)V9(06) COMP-3 +3
        LC-CH99-APPLIED X(01) +3
        LC-CH99-AMT S9(11)V99 COMP-3 +3
        LC-ADCVD-CASE-NO X(10)
        LC-ADCVD-TYPE X(01)
        LC-ADCVD-AMT S9(11)V99 COMP-3
        LC-RAW-MPF S9(09)V9(05) COMP-3
        LC-COTTON-FEE S9(11)V99 COMP-3
        LC-INPUT-REC-NO 9(07)
        FILLER X(05)
        """;

    public static readonly string EntCalcTotal = """
        ECT-REC-TYPE X(01)
        ECT-FILER-CODE X(03)
        FILLER X(08)
        ECT-ENTRY-TYPE X(02)
        ECT-IMPORTER-NO X(12)
        ECT-PORT-CODE 9(04)
        ECT-ENTRY-DATE 9(08)
        ECT-TRANSPORT-MODE 9(02)
        ECT-PAYMENT-TYPE 9(01)
        ECT-STMT-DATE 9(08)
        ECT-MANUAL-FLAG X(01)
        ECT-LINES-ACCEPTED 9(03)
        ECT-LINES-REJECTED 9(03)
        ECT-ENTERED-VALUE S9(11)V99 COMP-3
        ECT-MPF-LIABLE-VALUE S9(11)V99 COMP-3
        ECT-DUTY-AMT S9(11)V99 COMP-3
        ECT-S301-AMT S9(11)V99 COMP-3
        ECT-S232-AMT S9(11)V99 COMP-3
        ECT-IEEPA-AMT S9(11)V99 COMP-3
        ECT-S122-AMT S9(11)V99 COMP-3
        ECT-OTH99-AMT S9(11)V99 COMP-3
        ECT-ADD-AMT S9(11)V99 COMP-3
        ECT-CVD-AMT S9(11)V99 COMP-3
        ECT-FEE-TOTAL S9(11)V99 COMP-3
        ECT-TOTAL-ASSESSED S9(11)V99 COMP-3
        ECT-MPF-RAW-TOTAL S9(09)V9(05) COMP-3
        ECT-MPF-LIMIT-IND X(01)
        ECT-FEE-COUNT 9(02)
        """;

    /// <summary>One ECT-FEE-TABLE entry (OCCURS 1 TO 8 DEPENDING ON ECT-FEE-COUNT), 9 bytes.</summary>
    public static readonly string EntCalcFee = """
        ECT-FEE-CLASS X(03)
        ECT-FEE-AMT S9(09)V99 COMP-3
        """;

    public static readonly string EntCalcMpf = """
        ECM-REC-TYPE X(01)
        ECM-ENTRY-NO X(11)
        ECM-LINE-NO 9(03)
        ECM-USD-VALUE S9(11)V99 COMP-3
        ECM-RAW-MPF S9(09)V9(05) COMP-3
        ECM-ALLOC-MPF S9(09)V99 COMP-3
        """;

    public static readonly string OpenItem = """
        OI-REF-TYPE X(01)
        OI-REFERENCE X(16)
        OI-ITEM-TYPE X(01)
        OI-STATUS X(01)
        OI-STMT-TYPE 9(01)
        OI-FILER-CODE X(03)
        OI-IMPORTER-NO X(12)
        OI-PERIOD 9(06)
        OI-OPEN-DATE 9(08)
        OI-STMT-DATE 9(08)
        OI-DUE-DATE 9(08)
        OI-BILL-DATE 9(08)
        OI-LAST-PAY-DATE 9(08)
        OI-LAST-ACTIVITY-DATE 9(08)
        OI-ENTRY-COUNT 9(05)
        OI-AMT-ASSESSED S9(11)V99 COMP-3
        OI-AMT-INTEREST S9(11)V99 COMP-3
        OI-AMT-PAID S9(11)V99 COMP-3
        OI-AMT-REFUND S9(11)V99 COMP-3
        OI-BALANCE S9(11)V99 COMP-3
        FILLER X(21)
        """;

    public static readonly string Ledger = """
        LG-POST-DATE 9(08)
        LG-SEQ-NO 9(07)
        LG-REF-TYPE X(01)
        LG-REFERENCE X(16)
        LG-ITEM-TYPE X(01)
        LG-TRAN-CODE X(02)
        LG-REV-CLASS X(03)
        LG-DC-IND X(01)
        LG-AMOUNT S9(11)V99 COMP-3
        LG-PAY-METHOD X(01)
        LG-SOURCE-ID X(12)
        LG-EFFECTIVE-DATE 9(08)
        FILLER X(13)
        """;

    public static readonly string StmtHeader = """
        SH-REF-TYPE X(01)
        SH-REFERENCE X(16)
        SH-STMT-TYPE 9(01)
        SH-FILER-CODE X(03)
        SH-IMPORTER-NO X(12)
        SH-PERIOD 9(06)
        SH-STMT-DATE 9(08)
        SH-DUE-DATE 9(08)
        SH-RUN-DATE 9(08)
        SH-ENTRY-COUNT 9(05)
        SH-CATEGORY-AMT S9(11)V99 COMP-3 *13
        SH-TOTAL-AMT S9(11)V99 COMP-3
        FILLER X(34)
        """;

    public static readonly string StmtDetail = """
        SD-REF-TYPE X(01)
        SD-REFERENCE X(16)
        SD-ENTRY-NO X(11)
        SD-STMT-TYPE 9(01)
        SD-ENTRY-DATE 9(08)
        SD-SCHED-STMT-DATE 9(08)
        SD-STMT-DATE 9(08)
        SD-DUE-DATE 9(08)
        SD-DATE-ADJ-FLAG X(01)
        SD-ENTRY-TOTAL S9(11)V99 COMP-3
        FILLER X(11)
        """;

    public static readonly string ControlTotal = """
        CT-STEP-ID X(08)
        FILLER X(01)
        CT-RUN-DATE 9(08)
        FILLER X(01)
        CT-SEQ-NO 9(02)
        FILLER X(01)
        CT-DESCRIPTION X(30)
        FILLER X(01)
        CT-COUNT 9(09)
        FILLER X(01)
        CT-AMOUNT S9(15)V99
        FILLER X(01)
        """;

    public static readonly string Reject = """
        RJ-STEP-ID X(08)
        FILLER X(01)
        RJ-ENTRY-NO X(11)
        FILLER X(01)
        RJ-LINE-NO X(03)
        FILLER X(01)
        RJ-RECORD-NO 9(07)
        FILLER X(01)
        RJ-SEVERITY X(01)
        FILLER X(01)
        RJ-REASON-CODE X(04)
        FILLER X(01)
        RJ-MESSAGE X(60)
        """;

    public static readonly string Suspense = """
        SU-RUN-DATE 9(08)
        FILLER X(01)
        SU-PAYMENT-ID X(12)
        FILLER X(01)
        SU-METHOD X(01)
        FILLER X(01)
        SU-REF-TYPE X(01)
        FILLER X(01)
        SU-REFERENCE X(16)
        FILLER X(01)
        SU-AMOUNT S9(11)V99
        FILLER X(01)
        SU-DATE-RECEIVED X(08)
        FILLER X(01)
        SU-REASON-CODE X(04)
        FILLER X(01)
        SU-MESSAGE X(40)
        """;

    /// <summary>Fields with offsets from <paramref name="start"/>. "*n" repeats a field n times in place (OCCURS of one
    /// elementary item); "+n" marks the members of an OCCURS n group (the group of consecutive "+n" lines repeats).</summary>
    public static List<SampleField> Parse(string list, int start = 0)
    {
        var lines = list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<SampleField>();
        var offset = start;
        for (var i = 0; i < lines.Length; i++)
        {
            var groupMatch = Regex.Match(lines[i], @"\+(\d+)$");
            if (groupMatch.Success)
            {
                var times = int.Parse(groupMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var j = i;
                while (j < lines.Length && lines[j].EndsWith(groupMatch.Value, StringComparison.Ordinal)) j++;
                for (var t = 0; t < times; t++)
                {
                    for (var k = i; k < j; k++)
                    {
                        var (name, codec) = Field(lines[k][..^groupMatch.Value.Length].Trim());
                        result.Add(new SampleField($"{name}({t + 1})", offset, codec));
                        offset += codec.Length;
                    }
                }
                i = j - 1;
                continue;
            }
            var repeat = 1;
            var line = lines[i];
            var star = Regex.Match(line, @"\*(\d+)$");
            if (star.Success)
            {
                repeat = int.Parse(star.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                line = line[..^star.Value.Length].Trim();
            }
            for (var t = 0; t < repeat; t++)
            {
                var (name, codec) = Field(line);
                result.Add(new SampleField(repeat > 1 ? $"{name}({t + 1})" : name, offset, codec));
                offset += codec.Length;
            }
        }
        return result;
    }

    public static int Length(IEnumerable<SampleField> fields) => fields.Max(f => f.Offset + f.Codec.Length) - fields.Min(f => f.Offset);

    private static (string Name, FieldCodec Codec) Field(string line)
    {
        var m = PicRegex().Match(line);
        if (!m.Success) throw new FormatException("bad field line: " + line);
        var name = m.Groups["name"].Value;
        if (m.Groups["x"].Success)
            return (name, FieldCodec.Alphanumeric(int.Parse(m.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture), CodePage.Latin1));
        var signed = m.Groups["s"].Success;
        var intDigits = int.Parse(m.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var scale = m.Groups["f"].Success ? int.Parse(m.Groups["f"].Value, System.Globalization.CultureInfo.InvariantCulture) : m.Groups["f2"].Success ? 2 : 0;
        var digits = intDigits + scale;
        var codec = m.Groups["comp3"].Success
            ? FieldCodec.Packed(digits, scale, signed)
            : FieldCodec.Zoned(digits, scale, signed ? SignPlacement.TrailingOverpunch : SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);
        return (name, codec);
    }

    [GeneratedRegex(@"^(?<name>[A-Z0-9-]+)\s+(?:X\((?<x>\d+)\)|(?<s>S)?9\((?<i>\d+)\)(?:V9\((?<f>\d+)\))?(?:V99(?<f2>))?)(?<comp3>\s+COMP-3)?$")]
    private static partial Regex PicRegex();
}
