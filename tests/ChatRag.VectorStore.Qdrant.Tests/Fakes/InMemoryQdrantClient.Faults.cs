using Grpc.Core;

namespace ChatRag.VectorStore.Qdrant.Tests.Fakes;

/// <summary>
/// Faults a Qdrant cluster really produces: a status before anything happens, a status after the write was applied
/// (a timeout on an acknowledged write), trailers such as <c>retry-after</c> or Qdrant's insufficient-storage marker,
/// and a collection that exists but is not visible yet (consensus still committing).
/// </summary>
public sealed partial class InMemoryQdrantClient
{
    private readonly List<Fault> faults = [];
    private readonly Dictionary<string, int> hiddenFor = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> calls (of any kind) fail with <paramref name="status"/> before doing anything.</summary>
    public void FailNext(int count, StatusCode status) =>
        Inject(new Fault(null, status, "injected failure") { Times = count });

    /// <summary>Adds a fault; faults match in the order they were added.</summary>
    public void Inject(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (gate)
        {
            faults.Add(fault);
        }
    }

    /// <summary>The collection exists, but the next <paramref name="checks"/> existence checks do not see it yet.</summary>
    public void HideCollection(string name, int checks)
    {
        lock (gate)
        {
            hiddenFor[name] = checks;
        }
    }

    private bool StillHidden(string name)
    {
        if (hiddenFor.TryGetValue(name, out var left) && left > 0)
        {
            hiddenFor[name] = left - 1;
            return true;
        }

        return false;
    }

    private void BeforeApply(string operation, string? collection) => Throw(operation, collection, afterApply: false);

    private void AfterApply(string operation, string? collection)
    {
        lock (gate)
        {
            Throw(operation, collection, afterApply: true);
        }
    }

    private void Throw(string operation, string? collection, bool afterApply)
    {
        var fault = faults.Find(f => f.Times > 0 && f.AfterApply == afterApply
            && (f.Operation is null || f.Operation == operation)
            && (f.Collection is null || f.Collection == collection));
        if (fault is null)
        {
            return;
        }

        fault.Times--;
        fault.Raised++;
        throw new RpcException(new Status(fault.Status, $"{fault.Detail} ({operation})"), fault.Trailers ?? []);
    }

    /// <summary>A fault to inject: which call, what status and message, how often, before or after applying.</summary>
    /// <param name="Operation">Operation name as in <see cref="Calls"/>; null for any.</param>
    /// <param name="Status">gRPC status to answer.</param>
    /// <param name="Detail">Status message, as Qdrant words it.</param>
    public sealed record Fault(string? Operation, StatusCode Status, string Detail)
    {
        /// <summary>How many matching calls fail.</summary>
        public int Times { get; set; } = 1;

        /// <summary>How many times it was raised.</summary>
        public int Raised { get; set; }

        /// <summary>Only calls on this Qdrant collection; null for any.</summary>
        public string? Collection { get; init; }

        /// <summary>The call does its work, then fails anyway (the reply was lost or timed out).</summary>
        public bool AfterApply { get; init; }

        /// <summary>Response trailers, e.g. <c>retry-after</c>.</summary>
        public Metadata? Trailers { get; init; }
    }
}
