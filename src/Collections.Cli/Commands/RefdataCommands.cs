using System.CommandLine;

namespace Collections.Cli.Commands;

internal static class RefdataCommands
{
    public static Command Create()
    {
        var command = new Command("refdata", "Reference tables: export/import between legacy ref/*.dat and CSV.");
        return command;
    }
}
