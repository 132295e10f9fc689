using Collections.Cobol.Codecs;

namespace Collections.Legacy.Printing;

/// <summary>
/// Builds the text of a print line field by field, as a COBOL group of FILLERs and elementary items: literal text,
/// alphanumeric fields (padded with spaces or cut, as MOVE does) and numeric-edited fields (<see cref="EditedPicture"/>:
/// exactly what GnuCOBOL's MOVE stores, high-order digits beyond the picture dropped).
/// </summary>
public sealed class PrintLineBuilder
{
    private readonly System.Text.StringBuilder _text = new(132);

    /// <summary>A FILLER of spaces.</summary>
    public PrintLineBuilder Spaces(int width)
    {
        _text.Append(' ', width);
        return this;
    }

    /// <summary>An alphanumeric field of <paramref name="width"/> characters holding <paramref name="value"/> (padded or cut).</summary>
    public PrintLineBuilder Text(string value, int width)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length >= width) _text.Append(value, 0, width);
        else _text.Append(value).Append(' ', width - value.Length);
        return this;
    }

    /// <summary>A FILLER with a value: the text as it is.</summary>
    public PrintLineBuilder Literal(string value)
    {
        _text.Append(value);
        return this;
    }

    /// <summary>A numeric-edited field: <paramref name="unscaled"/> × 10^-<paramref name="scale"/> moved to <paramref name="picture"/>.</summary>
    public PrintLineBuilder Edited(EditedPicture picture, long unscaled, int scale = 0)
    {
        ArgumentNullException.ThrowIfNull(picture);
        _text.Append(picture.Format(unscaled, scale));
        return this;
    }

    public override string ToString() => _text.ToString();
}
