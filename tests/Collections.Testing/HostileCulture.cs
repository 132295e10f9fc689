using System.Globalization;

namespace Collections.Testing;

/// <summary>
/// Runs code under a culture that breaks naive parsing and formatting: tr-TR (dotless i, comma decimal separator).
/// Usage: <c>using var _ = HostileCulture.Enter();</c>
/// </summary>
public sealed class HostileCulture : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private HostileCulture(string name)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var hostile = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = hostile;
        CultureInfo.CurrentUICulture = hostile;
    }

    public static HostileCulture Enter(string name = "tr-TR") => new(name);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
