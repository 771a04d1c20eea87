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
    private readonly Dictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Slot> ordered = [];
    private readonly Lock sync = new();
    private readonly string? configuredDefault;
    private readonly string noneReason;
    private long tick;
    private string? runtimeDefault;

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
            if (!slots.TryAdd(definition.Name, new Slot(definition)))
            {
                throw new ArgumentException($"Decoder '{definition.Name}' is configured twice.", nameof(definitions));
            }

            ordered.Add(slots[definition.Name]);
        }

        if (!string.IsNullOrWhiteSpace(defaultName) && !slots.ContainsKey(defaultName))
        {
            throw new UnknownDecoderException(defaultName, Names);
        }

        configuredDefault = string.IsNullOrWhiteSpace(defaultName)
            ? slots.ContainsKey("default") ? slots["default"].Definition.Name : ordered.FirstOrDefault()?.Definition.Name
            : slots[defaultName].Definition.Name;
        MemoryBudgetBytes = Math.Max(0, memoryBudgetBytes);
        this.noneReason = noneReason ?? "No language model is configured (ChatRag:Decoder); answered extractively.";
    }

    /// <summary>The configured names, ordered.</summary>
    public IReadOnlyList<string> Names => [.. ordered.Select(s => s.Definition.Name)];

    /// <summary>The decoder requests get when they name none (a runtime choice overrides the configured one).</summary>
    public string? DefaultName => runtimeDefault ?? configuredDefault;

    /// <summary>The default decoder from configuration, before any runtime choice.</summary>
    public string? ConfiguredDefaultName => configuredDefault;

    /// <summary>The memory budget of loaded models in bytes; 0: none.</summary>
    public long MemoryBudgetBytes { get; }

    /// <summary>Why answers are extractive when no decoder is configured.</summary>
    public string NoneReason => noneReason;

    /// <summary>Whether <paramref name="name"/> is configured (case-insensitive).</summary>
    public bool Contains(string name) => slots.ContainsKey(name);

    /// <summary>The configured spelling of <paramref name="name"/>, or null when it is not configured.</summary>
    public string? Canonical(string? name) => name is not null && slots.TryGetValue(name.Trim(), out var slot) ? slot.Definition.Name : null;

    /// <summary>Chooses the default at run time (the operator's setting); null returns to the configured one.</summary>
    /// <exception cref="UnknownDecoderException">The name is not configured.</exception>
    public void SetDefault(string? name)
    {
        if (name is null)
        {
            runtimeDefault = null;
            return;
        }

        runtimeDefault = Canonical(name) ?? throw new UnknownDecoderException(name, Names);
    }

    /// <summary>The state of every configured decoder, ordered by name.</summary>
    public IReadOnlyList<DecoderState> Describe()
    {
        var defaultName = DefaultName;
        lock (sync)
        {
            return [.. ordered.Select(s => new DecoderState(
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
            lock (sync)
            {
                return ordered.Where(s => s.Client is not null).Sum(s => s.Definition.MemoryBytes);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<IChatClient> owned;
        lock (sync)
        {
            owned = [.. ordered.Where(s => s.Client is not null && s.Definition.Owned).Select(s => s.Client!)];
            foreach (var slot in ordered)
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
