using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Decoders;

/// <summary>Leases, lazy loading and least-recently-used unloading.</summary>
public sealed partial class DecoderCatalog
{
    /// <summary>
    /// Holds the decoder named <paramref name="name"/> (null or blank: the default) for one turn, loading it if needed.
    /// A load failure is not thrown: the lease then has no client and says why, and the turn answers extractively.
    /// </summary>
    /// <exception cref="UnknownDecoderException">The name is not configured.</exception>
    public DecoderLease Acquire(string? name = null)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (wanted is null)
        {
            return new DecoderLease(null, null, noneReason, null);
        }

        if (!slots.TryGetValue(wanted, out var slot))
        {
            throw new UnknownDecoderException(wanted, Names);
        }

        IChatClient? client;
        lock (sync)
        {
            slot.Leases++;
            slot.LastUsed = ++tick;
            client = slot.Client;
        }

        if (client is null && !TryLoad(slot, out client, out var error))
        {
            Release(slot);
            return new DecoderLease(slot.Definition.Name, null, $"The language model '{slot.Definition.Name}' failed to load ({error}); answered extractively.", null);
        }

        return new DecoderLease(slot.Definition.Name, client, null, () => Release(slot));
    }

    private bool TryLoad(Slot slot, out IChatClient? client, out string? error)
    {
        // One load per decoder at a time; other decoders load (and answer) meanwhile. The slot is leased by the
        // caller, so nothing unloads it between this load and the caller's generation.
        lock (slot.LoadGate)
        {
            lock (sync)
            {
                client = slot.Client;
            }

            error = null;
            if (client is not null)
            {
                return true;
            }

            Trim(slot.Definition.MemoryBytes);
            try
            {
                client = slot.Definition.Create();
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                lock (sync)
                {
                    slot.Error = error;
                }

                return false;
            }

            lock (sync)
            {
                slot.Client = client;
                slot.Error = null;
            }

            return true;
        }
    }

    private void Release(Slot slot)
    {
        lock (sync)
        {
            slot.Leases--;
        }

        // Models loaded beyond the budget while every other one was busy are unloaded once they are idle.
        Trim(0);
    }

    /// <summary>Unloads idle models, least recently used first, until <paramref name="reserve"/> more bytes fit the budget.</summary>
    private void Trim(long reserve)
    {
        if (MemoryBudgetBytes <= 0)
        {
            return;
        }

        var unloaded = new List<IChatClient>();
        lock (sync)
        {
            var loaded = ordered.Where(s => s.Client is not null).Sum(s => s.Definition.MemoryBytes);
            foreach (var idle in ordered.Where(s => s.Client is not null && s.Leases == 0 && s.Definition.Owned).OrderBy(s => s.LastUsed).ToList())
            {
                if (loaded + reserve <= MemoryBudgetBytes)
                {
                    break;
                }

                unloaded.Add(idle.Client!);
                idle.Client = null;
                loaded -= idle.Definition.MemoryBytes;
            }
        }

        // Disposed outside the lock: releasing native sessions can take a while and no lease refers to these clients.
        unloaded.ForEach(c => c.Dispose());
    }
}
