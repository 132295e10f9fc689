namespace Collections.Cobol.Copybooks;

internal enum TokenKind
{
    /// <summary>A COBOL word, number or PICTURE character-string (any run of non-separator characters).</summary>
    Word,

    /// <summary>An alphanumeric or hexadecimal literal; <see cref="CopybookToken.Text"/> keeps the quotes and any X/N prefix.</summary>
    Literal,

    /// <summary>The separator period.</summary>
    Period,

    /// <summary>Pseudo-text delimiter ==.</summary>
    PseudoDelimiter,
}

internal readonly record struct CopybookToken(TokenKind Kind, string Text, string File, int Line)
{
    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;
}
