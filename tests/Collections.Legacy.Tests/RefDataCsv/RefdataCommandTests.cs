using Collections.Cli;
using Collections.Testing;

namespace Collections.Legacy.Tests.RefDataCsv;

/// <summary>The <c>collections refdata</c> commands end to end (exit codes, files).</summary>
[Collection("Console")]
public class RefdataCommandTests
{
    private static string LegacyRef => Path.Combine(RepoPaths.LegacyHome, "ref");

    private static (int Code, string Err) Invoke(params string[] args)
    {
        var err = new StringWriter();
        var oldErr = Console.Error;
        var oldOut = Console.Out;
        Console.SetError(err);
        Console.SetOut(new StringWriter());
        try
        {
            return (Program.Main(args), err.ToString());
        }
        finally
        {
            Console.SetError(oldErr);
            Console.SetOut(oldOut);
        }
    }

    [Fact]
    public void ExportImport_WholeLibrary_ByteIdenticalTables()
    {
        using var temp = new TempDir();
        using var _ = HostileCulture.Enter();

        Invoke("refdata", "export", "--ref", LegacyRef, "--out", temp.Combine("csv")).Code.Should().Be(0);
        Invoke("refdata", "import", "--csv", temp.Combine("csv"), "--out", temp.Combine("ref")).Code.Should().Be(0);

        foreach (var dat in Directory.GetFiles(LegacyRef, "*.DAT"))
            File.ReadAllBytes(temp.Combine("ref", Path.GetFileName(dat))).Should().Equal(File.ReadAllBytes(dat), Path.GetFileName(dat));
    }

    [Fact]
    public void Export_OneTable_WritesOnlyThatCsv()
    {
        using var temp = new TempDir();

        Invoke("refdata", "export", "--ref", LegacyRef, "--out", temp.Path, "--table", "HMFPORT").Code.Should().Be(0);

        Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("HMFPORT.csv");
    }

    [Fact]
    public void Import_InvalidCsv_Exit2AndNothingWritten()
    {
        using var temp = new TempDir();
        Invoke("refdata", "export", "--ref", LegacyRef, "--out", temp.Combine("csv")).Code.Should().Be(0);
        var fees = temp.Combine("csv", "FEES.csv");
        File.WriteAllText(fees, File.ReadAllText(fees).Replace("33.58", "33.5X", StringComparison.Ordinal));

        var (code, err) = Invoke("refdata", "import", "--csv", temp.Combine("csv"), "--out", temp.Combine("ref"));

        code.Should().Be(2);
        err.Should().Contain("FEES.csv line ").And.Contain("column minimum").And.Contain("33.5X");
        Directory.Exists(temp.Combine("ref")).Should().BeFalse();
    }

    [Fact]
    public void Export_UnknownTable_Exit2()
    {
        using var temp = new TempDir();

        Invoke("refdata", "export", "--ref", LegacyRef, "--out", temp.Path, "--table", "NOPE").Code.Should().Be(2);
    }
}
