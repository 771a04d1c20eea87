using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Decoders;

/// <summary>
/// The configured decoders by name, one of them the default. Clients are created on the first request that needs
/// them (an in-process model loads its inference sessions then) and, when the estimated memory of the loaded models
/// would exceed the budget, the least recently used idle ones are unloaded. A decoder with an open
/// <see cref="DecoderLease"/> is never unloaded, so a running generation keeps its model; when every other model is
/// in use the budget is exceeded for as long as they are, and trimmed again as leases end.
/// </summary>
public sealed partial class DecoderCatalog : IDisposable
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Slot> _ordered = [];
    private readonly Lock _sync = new();
    private readonly string? _configuredDefault;
    private readonly string _noneReason;
    private long _tick;
    private string? _runtimeDefault;

    /// <summary>Creates the catalogue.</summary>
    /// <param name="definitions">The configured decoders (names unique, compared case-insensitively).</param>
    /// <param name="defaultName">The default decoder; null: <c>default</c> when configured, else the first by name.</param>
    /// <param name="memoryBudgetBytes">Budget for loaded models; 0 or less: no limit.</param>
    /// <param name="noneReason">The trace note when no decoder is configured at all.</param>
    public DecoderCatalog(IEnumerable<DecoderDefinition> definitions, string? defaultName = null, long memoryBudgetBytes = 0, string? noneReason = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!_slots.TryAdd(definition.Name, new Slot(definition)))
            {
                throw new ArgumentException($"Decoder '{definition.Name}' is configured twice.", nameof(definitions));
            }

            _ordered.Add(_slots[definition.Name]);
        }

        if (!string.IsNullOrWhiteSpace(defaultName) && !_slots.ContainsKey(defaultName))
        {
            throw new UnknownDecoderException(defaultName, Names);
        }

        _configuredDefault = string.IsNullOrWhiteSpace(defaultName)
            ? _slots.ContainsKey("default") ? _slots["default"].Definition.Name : _ordered.FirstOrDefault()?.Definition.Name
            : _slots[defaultName].Definition.Name;
        MemoryBudgetBytes = Math.Max(0, memoryBudgetBytes);
        _noneReason = noneReason ?? "No language model is configured (ChatRag:Decoder); answered extractively.";
    }

    /// <summary>The configured names, ordered.</summary>
    public IReadOnlyList<string> Names => [.. _ordered.Select(s => s.Definition.Name)];

    /// <summary>The decoder requests get when they name none (a runtime choice overrides the configured one).</summary>
    public string? DefaultName => _runtimeDefault ?? _configuredDefault;

    /// <summary>The default decoder from configuration, before any runtime choice.</summary>
    public string? ConfiguredDefaultName => _configuredDefault;

    /// <summary>The memory budget of loaded models in bytes; 0: none.</summary>
    public long MemoryBudgetBytes { get; }

    /// <summary>Why answers are extractive when no decoder is configured.</summary>
    public string NoneReason => _noneReason;

    /// <summary>Whether <paramref name="name"/> is configured (case-insensitive).</summary>
    public bool Contains(string name) => _slots.ContainsKey(name);

    /// <summary>The configured spelling of <paramref name="name"/>, or null when it is not configured.</summary>
    public string? Canonical(string? name) => name is not null && _slots.TryGetValue(name.Trim(), out var slot) ? slot.Definition.Name : null;

    /// <summary>Chooses the default at run time (the operator's setting); null returns to the configured one.</summary>
    /// <exception cref="UnknownDecoderException">The name is not configured.</exception>
    public void SetDefault(string? name)
    {
        if (name is null)
        {
            _runtimeDefault = null;
            return;
        }

        _runtimeDefault = Canonical(name) ?? throw new UnknownDecoderException(name, Names);
    }

    /// <summary>The state of every configured decoder, ordered by name.</summary>
    public IReadOnlyList<DecoderState> Describe()
    {
        var defaultName = DefaultName;
        lock (_sync)
        {
            return [.. _ordered.Select(s => new DecoderState(
                s.Definition.Name,
                s.Definition.Kind,
                string.Equals(s.Definition.Name, defaultName, StringComparison.Ordinal),
                s.Client is not null ? "loaded" : s.Error is not null ? "failed" : "unloaded",
                s.Definition.MemoryBytes,
                s.Leases,
                s.Error))];
        }
    }

    /// <summary>The estimated memory of the models loaded now.</summary>
    public long LoadedBytes
    {
        get
        {
            lock (_sync)
            {
                return _ordered.Where(s => s.Client is not null).Sum(s => s.Definition.MemoryBytes);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<IChatClient> owned;
        lock (_sync)
        {
            owned = [.. _ordered.Where(s => s.Client is not null && s.Definition.Owned).Select(s => s.Client!)];
            foreach (var slot in _ordered)
            {
                slot.Client = null;
            }
        }

        owned.ForEach(c => c.Dispose());
    }

    private sealed class Slot(DecoderDefinition definition)
    {
        public DecoderDefinition Definition { get; } = definition;

        public Lock LoadGate { get; } = new();

        public IChatClient? Client { get; set; }

        public int Leases { get; set; }

        public long LastUsed { get; set; }

        public string? Error { get; set; }
    }
}
