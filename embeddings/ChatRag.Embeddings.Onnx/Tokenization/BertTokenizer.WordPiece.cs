using System.Buffers;
using System.Text;

namespace ChatRag.Embeddings.Onnx.Tokenization;

public sealed partial class BertTokenizer
{
    /// <summary>Emits the pieces of the word in the buffer (or [UNK]) and clears it; false when the sink is full.</summary>
    private bool Flush<TSink>(ref WordState state, ref TSink sink)
        where TSink : struct, IPieceSink
    {
        if (state.Length == 0)
        {
            return true;
        }

        var word = state.Word.AsSpan(0, state.Length);
        var runes = state.Runes;
        state.Length = 0;
        state.Runes = 0;
        if (runes > Vocabulary.MaxInputCharsPerWord)
        {
            return sink.Add(Vocabulary.UnknownId);
        }

        if (state.Pieces.Length < word.Length)
        {
            ArrayPool<int>.Shared.Return(state.Pieces);
            state.Pieces = ArrayPool<int>.Shared.Rent(word.Length);
        }

        var count = 0;
        var start = 0;
        while (start < word.Length)
        {
            // Greedy longest match first, never cutting a surrogate pair (Python slices code points).
            var end = Math.Min(word.Length, start + Vocabulary.MaxTokenLength);
            if (end < word.Length && char.IsLowSurrogate(word[end]))
            {
                end--;
            }

            var found = -1;
            while (end > start)
            {
                if (Vocabulary.TryGetId(word[start..end], start > 0, out var id))
                {
                    found = id;
                    break;
                }

                end--;
                if (end > start && char.IsLowSurrogate(word[end]))
                {
                    end--;
                }
            }

            if (found < 0)
            {
                // One piece that cannot be matched makes the whole word unknown.
                return sink.Add(Vocabulary.UnknownId);
            }

            state.Pieces[count++] = found;
            start = end;
        }

        for (var i = 0; i < count; i++)
        {
            if (!sink.Add(state.Pieces[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word being built and the scratch space for its pieces (buffers rented for one call).</summary>
    private struct WordState(char[] word, int[] pieces)
    {
        public char[] Word = word;
        public int[] Pieces = pieces;
        public int Length;
        public int Runes;

        public void Append(Rune rune)
        {
            if (Length + 2 > Word.Length)
            {
                var bigger = ArrayPool<char>.Shared.Rent(Word.Length * 2);
                Word.AsSpan(0, Length).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(Word);
                Word = bigger;
            }

            Length += rune.EncodeToUtf16(Word.AsSpan(Length));
            Runes++;
        }
    }
}
