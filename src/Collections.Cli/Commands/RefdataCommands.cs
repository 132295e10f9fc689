using System.CommandLine;
using System.Globalization;
using Collections.Legacy.RefData.Csv;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections refdata export|import</c>: the legacy reference tables (ref/*.DAT) as CSV for analysts, and back.
/// Exit codes: 0 done; 2 invalid data (message names file, line, column and raw text) or unknown table;
/// 16 a file or folder could not be read or written.
/// </summary>
internal static class RefdataCommands
{
    public const int ExitOk = 0, ExitInvalidData = 2, ExitIoError = 16;

    public static Command Create()
    {
        var command = new Command("refdata", "Reference tables: export/import between legacy ref/*.dat and CSV.");
        command.Subcommands.Add(CreateExport());
        command.Subcommands.Add(CreateImport());
        return command;
    }

    private static Command CreateExport()
    {
        var refOption = new Option<DirectoryInfo>("--ref") { Description = "Legacy reference library (folder of *.DAT tables).", Required = true };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder that receives one CSV per table.", Required = true };
        var tableOption = new Option<string?>("--table") { Description = "Export only this table (TARIFF, CH99, ADCVD, EXRATE, SPI, FEES, HMFPORT, HOLIDAY, INTRATE)." };
        var export = new Command("export", "Write each legacy table as CSV (header of column names; exact decimals; dates CCYYMMDD, 99999999 = open).");
        export.Options.Add(refOption);
        export.Options.Add(outOption);
        export.Options.Add(tableOption);
        export.SetAction(parse =>
        {
            var refDir = parse.GetValue(refOption)!;
            var outDir = parse.GetValue(outOption)!;
            var table = parse.GetValue(tableOption);
            return Guard(() =>
            {
                if (!refDir.Exists) throw new DirectoryNotFoundException($"reference folder {refDir.FullName} not found");
                foreach (var (t, rows) in RefDataCsvConverter.ExportDirectory(refDir.FullName, outDir.FullName, table))
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.DatFile}\t{rows}\t{Path.Combine(outDir.FullName, t.CsvFile)}"));
            });
        });
        return export;
    }

    private static Command CreateImport()
    {
        var csvOption = new Option<DirectoryInfo>("--csv") { Description = "Folder of table CSVs (as written by export).", Required = true };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder that receives the legacy *.DAT tables.", Required = true };
        var import = new Command("import", "Validate the table CSVs and write the legacy *.DAT tables (nothing is written if any CSV is invalid).");
        import.Options.Add(csvOption);
        import.Options.Add(outOption);
        import.SetAction(parse =>
        {
            var csvDir = parse.GetValue(csvOption)!;
            var outDir = parse.GetValue(outOption)!;
            return Guard(() =>
            {
                foreach (var (t, rows) in RefDataCsvConverter.ImportDirectory(csvDir.FullName, outDir.FullName))
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.CsvFile}\t{rows}\t{Path.Combine(outDir.FullName, t.DatFile)}"));
            });
        });
        return import;
    }

    private static int Guard(Action action)
    {
        try
        {
            action();
            return ExitOk;
        }
        catch (RefDataCsvException e)
        {
            Console.Error.WriteLine("refdata: " + e.Message);
            return ExitInvalidData;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("refdata: " + e.Message);
            return ExitInvalidData;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("refdata: " + e.Message);
            return ExitIoError;
        }
    }
}
