using System.CommandLine;

namespace Collections.Cli.Commands;

internal static class CobolCommands
{
    public static Command Create()
    {
        var command = new Command("cobol", "COBOL data toolkit: copybook layouts and data-file decoding.");
        return command;
    }
}
