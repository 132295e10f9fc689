using System.CommandLine;
using Collections.Cli.Commands;

namespace Collections.Cli;

/// <summary>The <c>collections</c> command. Exit codes are part of the contract; each area documents its own.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("ACE Collections modernization platform: COBOL toolkit, legacy cycle port, parity harness.");
        root.Subcommands.Add(CobolCommands.Create());
        root.Subcommands.Add(LegacyCommands.Create());
        root.Subcommands.Add(RefdataCommands.Create());
        root.Subcommands.Add(GenerateCommands.Create());
        root.Subcommands.Add(DamageMasterCommands.Create());
        root.Subcommands.Add(ParityCommands.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(CycleCommands.CreateRunDay());
        root.Subcommands.Add(CycleCommands.CreateStatus());
        root.Subcommands.Add(CycleCommands.CreateWorker());
        root.Subcommands.Add(ExportCommands.Create());
        root.Subcommands.Add(ReconcileCommands.Create());
        root.Subcommands.Add(WebCommands.CreateWeb());
        root.Subcommands.Add(WebCommands.CreateUsers());
        return root;
    }
}
