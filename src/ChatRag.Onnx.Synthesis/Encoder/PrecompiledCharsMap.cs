using System.Text;

namespace ChatRag.Onnx.Synthesis.Encoder;

/// <summary>
/// Writes a SentencePiece <c>precompiled_charsmap</c> (the blob behind Hugging Face's <c>Precompiled</c> normaliser and
/// <c>normalizer_spec.precompiled_charsmap</c>): a little-endian u32 trie size, a Darts-clone double-array trie over the
/// UTF-8 bytes of each source string whose leaf values are offsets into the NUL-separated replacement strings that
/// follow. Real XLM-R files map thousands of characters (NFKC); ours maps a few, enough to check that a reader applies it.
/// </summary>
public static class PrecompiledCharsMap
{
    private const uint HasLeaf = 1u << 8, IsLeaf = 1u << 31;

    /// <summary>Builds the blob for <paramref name="map"/> (source string → replacement).</summary>
    public static byte[] Build(IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var normalized = new MemoryStream();
        var root = new Node();
        foreach (var (source, replacement) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var node = root;
            foreach (var b in Encoding.UTF8.GetBytes(source))
            {
                node = node.Children.TryGetValue(b, out var child) ? child : node.Children[b] = new Node();
            }

            node.Value = (uint)normalized.Length;
            normalized.Write(Encoding.UTF8.GetBytes(replacement));
            normalized.WriteByte(0);
        }

        // Every node gets a whole 256-unit block as its base, so child b sits at base + b and no search is needed;
        // wasteful but tiny for a handful of keys, and any label a lookup tries stays inside the array.
        var nodes = new List<Node>();
        Number(root, nodes);
        var units = new uint[(nodes.Count + 1) * 256];
        Place(root, 0, units);

        var blob = new MemoryStream();
        blob.Write(BitConverter.GetBytes((uint)(units.Length * 4)));
        foreach (var unit in units)
        {
            blob.Write(BitConverter.GetBytes(unit));
        }

        normalized.Position = 0;
        normalized.CopyTo(blob);
        return blob.ToArray();
    }

    private static void Number(Node node, List<Node> nodes)
    {
        node.Block = nodes.Count + 1;
        nodes.Add(node);
        foreach (var child in node.Children.Values)
        {
            Number(child, nodes);
        }
    }

    private static void Place(Node node, int position, uint[] units)
    {
        var @base = node.Block * 256;
        var offset = (uint)(position ^ @base);
        var label = position == 0 ? 0u : units[position] & 0xFF;
        units[position] = (offset << 10) | (node.Value is null ? 0 : HasLeaf) | label;
        if (node.Value is { } value)
        {
            units[@base] = IsLeaf | value;
        }

        foreach (var (b, child) in node.Children)
        {
            units[@base ^ b] = b;
            Place(child, @base ^ b, units);
        }
    }

    private sealed class Node
    {
        public SortedDictionary<byte, Node> Children { get; } = [];

        public uint? Value { get; set; }

        public int Block { get; set; }
    }
}
