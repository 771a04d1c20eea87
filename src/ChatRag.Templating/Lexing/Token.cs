namespace ChatRag.Templating.Lexing;

internal enum TokenKind
{
    Text,
    BlockStart,
    BlockEnd,
    VariableStart,
    VariableEnd,
    Name,
    String,
    Integer,
    Float,
    Operator,
    End,
}

/// <summary>One lexical token; <see cref="Offset"/> points into the original template text for error positions.</summary>
internal sealed record Token(TokenKind Kind, string Value, int Offset)
{
    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    public bool IsOperator(string value) => Is(TokenKind.Operator, value);

    public bool IsName(string value) => Is(TokenKind.Name, value);
}
