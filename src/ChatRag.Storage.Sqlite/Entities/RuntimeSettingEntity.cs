namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>One setting an operator changed while the server ran (a key and its JSON-free text value).</summary>
public sealed class RuntimeSettingEntity
{
    /// <summary>Setting name, such as <c>DefaultDecoder</c>; unique.</summary>
    public required string Key { get; set; }

    /// <summary>The value as text.</summary>
    public required string Value { get; set; }

    /// <summary>When it was last written (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
