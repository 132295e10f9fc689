using System.CommandLine;

namespace Collections.Cli.Commands;

/// <summary><c>collections parity capture</c>: build and run the legacy, store a fixture set with its manifest.</summary>
internal static class ParityCaptureCommands
{
    public static void AddTo(Command parity)
    {
        ArgumentNullException.ThrowIfNull(parity);
    }
}
