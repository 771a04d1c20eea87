using System.Text.RegularExpressions;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// Splits text on the added tokens of a <c>tokenizer.json</c> before normalisation, as Hugging Face's
/// AddedVocabulary does: leftmost match, longer tokens first, and <c>lstrip</c>/<c>rstrip</c> tokens swallowing the
/// whitespace beside them.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly Regex? pattern;
    private readonly int[] groupIds;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        var ordered = tokens.OrderByDescending(t => t.Content.Length).ThenBy(t => t.Id).ToList();
        groupIds = [.. ordered.Select(t => t.Id)];
        if (ordered.Count > 0)
        {
            var alternatives = ordered.Select(t => "(" + (t.LStrip ? @"\s*" : string.Empty) + Regex.Escape(t.Content) + (t.RStrip ? @"\s*" : string.Empty) + ")");
            pattern = new Regex(string.Join("|", alternatives), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
    }

    /// <summary>The pieces of <paramref name="text"/> in order: plain text with its start offset, or an added token id.</summary>
    public IEnumerable<(string Text, int Start, int? AddedId)> Split(string text)
    {
        var position = 0;
        if (pattern is not null)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (match.Index > position)
                {
                    yield return (text[position..match.Index], position, null);
                }

                var group = 1;
                while (!match.Groups[group].Success)
                {
                    group++;
                }

                yield return (match.Value, match.Index, groupIds[group - 1]);
                position = match.Index + match.Length;
            }
        }

        if (position < text.Length)
        {
            yield return (text[position..], position, null);
        }
    }

    /// <summary>One entry of <c>added_tokens</c>.</summary>
    public sealed record AddedToken(int Id, string Content, bool Special, bool LStrip, bool RStrip);
}
