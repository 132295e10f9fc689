namespace Collections.Web;

/// <summary>
/// Entry point when the site runs on its own (<c>dotnet Collections.Web.dll --urls URL --Database:Provider ...</c>);
/// <c>collections web</c> calls <see cref="WebApp.Create"/> directly.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        var app = WebApp.Create(args);
        await WebApp.PrepareAsync(app).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
