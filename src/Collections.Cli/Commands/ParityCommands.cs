using System.CommandLine;

namespace Collections.Cli.Commands;

internal static class ParityCommands
{
    public static Command Create()
    {
        var command = new Command("parity", "Parallel-run harness: capture legacy fixtures, compare, report.");
        ParityCaptureCommands.AddTo(command);
        ParityRunCommands.AddTo(command);
        return command;
    }
}
