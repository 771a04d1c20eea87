namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// How special tokens wrap one sequence or a pair (Hugging Face's post-processor): a list of items, each a special
/// token id or a segment (A or B), with its token type id.
/// </summary>
internal sealed record PairTemplate(IReadOnlyList<PairTemplate.Item> Single, IReadOnlyList<PairTemplate.Item> Pair)
{
    /// <summary>BERT: <c>[CLS] A [SEP]</c> and <c>[CLS] A [SEP] B [SEP]</c>, types 0 then 1.</summary>
    public static PairTemplate Bert(int cls, int sep) => new(
        [Item.Special(cls, 0), Item.Segment(0, 0), Item.Special(sep, 0)],
        [Item.Special(cls, 0), Item.Segment(0, 0), Item.Special(sep, 0), Item.Segment(1, 1), Item.Special(sep, 1)]);

    /// <summary>RoBERTa / XLM-R: <c>&lt;s&gt; A &lt;/s&gt;</c> and <c>&lt;s&gt; A &lt;/s&gt;&lt;/s&gt; B &lt;/s&gt;</c>, all type 0.</summary>
    public static PairTemplate Roberta(int cls, int sep) => new(
        [Item.Special(cls, 0), Item.Segment(0, 0), Item.Special(sep, 0)],
        [Item.Special(cls, 0), Item.Segment(0, 0), Item.Special(sep, 0), Item.Special(sep, 0), Item.Segment(1, 0), Item.Special(sep, 0)]);

    /// <summary>Special tokens a sequence or a pair adds.</summary>
    public int SpecialCount(bool pair) => (pair ? Pair : Single).Count(i => i.SpecialId is not null);

    /// <summary>Wraps one sequence.</summary>
    public int[] Apply(IReadOnlyList<int> a)
    {
        var ids = new List<int>(a.Count + 4);
        foreach (var item in Single)
        {
            if (item.SpecialId is { } id)
            {
                ids.Add(id);
            }
            else
            {
                ids.AddRange(a);
            }
        }

        return [.. ids];
    }

    /// <summary>Wraps a pair; pieces must already be truncated.</summary>
    public EncodedPair Apply(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var ids = new List<int>(a.Count + b.Count + 6);
        var types = new List<int>(ids.Capacity);
        foreach (var item in Pair)
        {
            IReadOnlyList<int> part = item.SpecialId is { } id ? [id] : item.SegmentIndex == 0 ? a : b;
            ids.AddRange(part);
            types.AddRange(Enumerable.Repeat(item.TypeId, part.Count));
        }

        return new EncodedPair([.. ids], [.. types]);
    }

    /// <summary>
    /// Hugging Face's <c>longest_first</c> truncation: drop one piece at a time from the end of the longer side (the
    /// second on a tie) until the pair fits <paramref name="budget"/> pieces.
    /// </summary>
    public static (List<int> A, List<int> B) TruncateLongestFirst(List<int> a, List<int> b, int budget)
    {
        budget = Math.Max(0, budget);
        while (a.Count + b.Count > budget)
        {
            var longer = a.Count > b.Count ? a : b;
            longer.RemoveAt(longer.Count - 1);
        }

        return (a, b);
    }

    /// <summary>One template item.</summary>
    internal sealed record Item(int? SpecialId, int SegmentIndex, int TypeId)
    {
        public static Item Special(int id, int typeId) => new(id, -1, typeId);

        public static Item Segment(int index, int typeId) => new(null, index, typeId);
    }
}
