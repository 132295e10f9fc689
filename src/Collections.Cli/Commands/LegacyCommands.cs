using System.CommandLine;

namespace Collections.Cli.Commands;

internal static class LegacyCommands
{
    public static Command Create()
    {
        var command = new Command("legacy", "The legacy daily cycle, ported (same inputs, outputs and return codes as run-cycle.sh).");
        return command;
    }
}
