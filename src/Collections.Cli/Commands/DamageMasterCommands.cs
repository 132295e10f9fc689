using System.CommandLine;
using Collections.Parity.Generation;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections damage-master</c>: writes a copy of an OPENITEM master with one planted defect (garbage fixtures
/// for CLV400's old master). Exit codes: 0 written; 1 the master has no record the defect needs; 2 usage error.
/// </summary>
internal static class DamageMasterCommands
{
    public static Command Create()
    {
        var command = new Command("damage-master", "Copy an OPENITEM master with one planted defect (old-master garbage cases).");
        var master = new Option<string>("--master") { Description = "The OPENITEM master to start from.", Required = true };
        var defect = new Option<string>("--defect")
        {
            Description = "truncated|out-of-sequence|item-type|bad-packed|bad-dates|due-before-rate-table.", Required = true,
        };
        var payments = new Option<string?>("--payments") { Description = "Today's PAYMENTS: which items are paid (defects met by a payment go on those)." };
        var outFile = new Option<string>("--out") { Description = "File to write the damaged master to.", Required = true };
        foreach (var o in new Option[] { master, defect, payments, outFile }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            MasterDefect kind;
            try { kind = MasterDefects.Parse(parse.GetValue(defect)!); }
            catch (ArgumentException ex) { return Usage(ex.Message); }
            var from = parse.GetValue(master)!;
            if (!File.Exists(from)) return Usage($"--master {from} not found");
            var paid = parse.GetValue(payments) is { } p ? MasterDefects.PaidReferences(p) : [];
            try
            {
                var (data, what) = MasterDefects.Apply(File.ReadAllBytes(from), kind, paid);
                var to = parse.GetValue(outFile)!;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
                File.WriteAllBytes(to, data);
                Console.Out.WriteLine(what);
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine("damage-master: " + ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("damage-master: " + message);
        return 2;
    }
}
