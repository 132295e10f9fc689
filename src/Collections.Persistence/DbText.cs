using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Collections.Persistence;

/// <summary>
/// Legacy text in the database. Record fields are bytes shown one char per byte (Latin-1), so any byte can occur,
/// NUL included (LOW-VALUES, damaged records); PostgreSQL text cannot hold NUL. Stored text maps NUL to U+FFFF (a
/// noncharacter Latin-1 never produces) and back, so every value round-trips exactly on every provider.
/// </summary>
public static class DbText
{
    private const char Nul = '\0', Stand = '\uffff';

    public static string ToStore(string value) => value.Contains(Nul, StringComparison.Ordinal) ? value.Replace(Nul, Stand) : value;

    public static string FromStore(string value) => value.Contains(Stand, StringComparison.Ordinal) ? value.Replace(Stand, Nul) : value;

    /// <summary>The EF Core converter applied to every string property (<see cref="CollectionsDbContext"/>).</summary>
    public sealed class Converter() : ValueConverter<string, string>(v => ToStore(v), v => FromStore(v));
}
