using Collections.Cobol.Codecs;

namespace Collections.Cobol.Copybooks;

/// <summary>
/// How a copybook item's storage maps onto the field codecs, in one place for <see cref="Records.RecordColumns"/>,
/// <see cref="Decoding.RecordDecoder"/> and <see cref="Decoding.CompiledRecordDecoder"/>.
/// </summary>
internal static class LayoutCodecs
{
    /// <summary>The codec's sign placement for a SIGN clause (none: unsigned).</summary>
    public static SignPlacement Placement(CopybookSign sign) => sign switch
    {
        CopybookSign.None => SignPlacement.Unsigned,
        CopybookSign.TrailingOverpunch => SignPlacement.TrailingOverpunch,
        CopybookSign.LeadingOverpunch => SignPlacement.LeadingOverpunch,
        CopybookSign.TrailingSeparate => SignPlacement.TrailingSeparate,
        _ => SignPlacement.LeadingSeparate,
    };

    /// <summary>
    /// The codec of a numeric (not numeric-edited) elementary item: zoned for DISPLAY, packed for COMP-3, big-endian
    /// binary for COMP/COMP-4/BINARY, binary in <paramref name="nativeBigEndian"/> order for COMP-5; a binary item is
    /// read with its full stored value (<see cref="BinaryPicPolicy.FullValue"/>, as cobc's MOVE from it reads it).
    /// </summary>
    public static FieldCodec Numeric(LayoutField f, OverpunchStyle overpunch, PackedSignPolicy packedSigns, bool nativeBigEndian)
    {
        if (f.IsFloat) throw new InvalidOperationException($"{f.DisplayName} is COMP-1 / COMP-2: use LayoutCodecs.Float");
        var pic = f.Picture!;
        return f.Usage switch
        {
            CopybookUsage.Display => FieldCodec.Zoned(pic.Digits, pic.Scale, Placement(f.Sign), overpunch),
            CopybookUsage.PackedDecimal => FieldCodec.Packed(pic.Digits, pic.Scale, pic.Signed, packedSigns),
            CopybookUsage.Binary => FieldCodec.Binary(pic.Digits, pic.Scale, pic.Signed, f.Length, bigEndian: true, BinaryPicPolicy.FullValue),
            _ => FieldCodec.Binary(pic.Digits, pic.Scale, pic.Signed, f.Length, nativeBigEndian, BinaryPicPolicy.FullValue),
        };
    }

    /// <summary>The codec of a COMP-1 (4 bytes) or COMP-2 (8 bytes) item.</summary>
    public static FieldCodec Float(LayoutField f, FloatFormat format, bool bigEndian) => FieldCodec.Float(f.Length, format, bigEndian);
}
