using System.Text;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// Files that cannot be opened or read, against the live legacy CLV500: the same messages (CLV9901E/CLV9902E and
/// libcob's implicit CLOSE warnings for the files already open, newest first), RC 16, and the report as far as it
/// was printed.
/// </summary>
public class Clv500ErrorPathTests
{
    private static Clv500CraftedDay Day()
    {
        var day = new Clv500CraftedDay();
        day.Entry(2704);
        day.Entry(1001, dutyCents: 5_00);
        day.Reject("L006");
        day.ControlTotal("CLV100", 1, "ENTRYIN RECORDS READ", 3, 0);
        return day;
    }

    [Theory]
    [InlineData("ENTCALC")]
    [InlineData("STMTOUT")]
    [InlineData("LEDGER")]
    [InlineData("SUSPENSE")]
    [InlineData("OPENITEM")]
    [InlineData("REJECTS")]
    public void Run_InputMissing_Rc16WithTheOpenFilesClosed(string missing)
    {
        var day = Day();
        day.Missing.Add(missing);

        var (legacy, _) = Clv500CraftedDayTests.Run(day);

        legacy.ReturnCode.Should().Be(16);
        legacy.Sysout.Should().Contain("OPERATION=OPEN     STATUS=35");
        legacy.Report.Should().BeNull();
    }

    [Fact]
    public void Run_ControlTotalsAndReportUnavailable_Rc16AfterTheWarning()
    {
        var day = Day();
        day.Missing.Add("CTLTOTS");
        day.Directories.Add("CLV500.RPT");

        var (legacy, _) = Clv500CraftedDayTests.Run(day);

        legacy.ReturnCode.Should().Be(16);
        legacy.Sysout.Should().Contain("CLV5003W").And.Contain("DD=RPTOUT   OPERATION=OPEN     STATUS=37").And.NotContain("CTLTOT-FILE");
    }

    [Fact]
    public void Run_ReportOnAFullDevice_Rc16AtTheFirstWrite()
    {
        if (!File.Exists("/dev/full")) return;   // Linux only
        using var temp = new Testing.TempDir("clv500-full");
        var day = Day();
        var legacyDir = temp.Combine("legacy");
        var oursDir = temp.Combine("ours");
        day.Write(legacyDir);
        day.Write(oursDir);
        File.CreateSymbolicLink(Path.Combine(legacyDir, "CLV500.RPT"), "/dev/full");
        File.CreateSymbolicLink(Path.Combine(oursDir, "CLV500.RPT"), "/dev/full");

        var legacy = Clv500Harness.RunLegacy(legacyDir);
        var ours = Clv500Harness.RunOurs(oursDir);

        ours.Sysout.Should().Be(legacy.Sysout).And.Contain("DD=RPTOUT   OPERATION=WRITE    STATUS=34");
        ours.ReturnCode.Should().Be(legacy.ReturnCode).And.Be(16);
    }

    [Theory]
    [InlineData("ENTCALC", 16)]
    [InlineData("STMTOUT", 16)]
    [InlineData("LEDGER", 16)]
    [InlineData("OPENITEM", 16)]
    [InlineData("SUSPENSE", 0)]
    [InlineData("REJECTS", 0)]
    [InlineData("CTLTOTS", 0)]
    public void Run_InputIsADirectory_RecordFilesFailOnReadTextFilesReadEmpty(string name, int rc)
    {
        var day = Day();
        day.Directories.Add(name);

        var (legacy, ours) = Clv500CraftedDayTests.Run(day);

        legacy.ReturnCode.Should().Be(rc);
        if (rc == 16) ours.Diagnostics.Should().Contain("is a directory");
    }

    public static TheoryData<string, int, string> Truncations() => new()
    {
        { "ENTCALC", -1, "04" },     // the data of the last record cut short
        { "ENTCALC", 2, "30" },      // a length prefix cut short
        { "ENTCALC", 4, "00" },      // a prefix with no data: end of file
        { "STMTOUT", 150, "04" },
    };

    [Theory]
    [MemberData(nameof(Truncations))]
    public void Run_LastRecordCutShort_AsLibcobReadsIt(string name, int extraBytes, string status)
    {
        var day = Day();
        day.Receivables.Add(Receivable());
        var full = Bytes(day, name);
        byte[] damaged = extraBytes switch
        {
            -1 => full[..^10],
            _ when name == "ENTCALC" => [.. full, .. new byte[] { 0x00, 0xA0, 0x00, 0x00 }.Take(extraBytes)],
            _ => [.. full, .. Enumerable.Repeat((byte)'9', extraBytes)],
        };
        day.Raw[name] = damaged;

        var (legacy, _) = Clv500CraftedDayTests.Run(day);

        if (status == "00") legacy.ReturnCode.Should().Be(0);
        else legacy.Sysout.Should().Contain($"DD={name,-8} OPERATION=READ     STATUS={status}");
    }

    internal static StatementHeaderRecord Receivable() => new()
    {
        RefType = 'E', Reference = "C5000000001     ", StatementType = 1, FilerCode = "C50", ImporterNumber = "12-3456789AB", Period = 0,
        StatementDate = 20260302, DueDate = 20260316, RunDate = 20260302, EntryCount = 1, TotalCents = 133_58,
    };

    private static byte[] Bytes(Clv500CraftedDay day, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "clv500-bytes-" + Guid.NewGuid().ToString("N"));
        try
        {
            day.Write(dir);
            return File.ReadAllBytes(Path.Combine(dir, name));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
