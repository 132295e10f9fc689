using System.CommandLine;

namespace Collections.Cli.Commands;

/// <summary><c>collections parity run</c> and <c>collections parity live</c>.</summary>
internal static class ParityRunCommands
{
    public static void AddTo(Command parity)
    {
        ArgumentNullException.ThrowIfNull(parity);
    }
}
