using System.CommandLine;

namespace Collections.Cli.Commands;

internal static class GenerateCommands
{
    public static Command Create()
    {
        var command = new Command("generate-day", "Generate a valid (or deliberately corrupt) legacy input day.");
        return command;
    }
}
