using System.Text;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Feeds a parser and describes what came out in a form tests can compare.</summary>
internal static class ParserRun
{
    /// <summary>Pushes the chunks in order, completes, and returns everything emitted.</summary>
    public static List<AIContent> Feed(IModelOutputParser parser, IEnumerable<string> chunks)
    {
        var output = new List<AIContent>();
        foreach (var chunk in chunks)
        {
            output.AddRange(parser.Push(chunk));
        }

        output.AddRange(parser.Complete());
        return output;
    }

    /// <summary>
    /// One line per item, neighbouring text (or reasoning) merged, call ids left out (they are random) but checked
    /// to be present and distinct.
    /// </summary>
    public static List<string> Describe(IEnumerable<AIContent> contents)
    {
        var lines = new List<string>();
        var ids = new HashSet<string>();
        foreach (var content in contents)
        {
            var (kind, text) = content switch
            {
                TextReasoningContent r => ("reasoning", r.Text),
                TextContent t => ("text", t.Text),
                FunctionCallContent { Exception: not null } c => ("malformed", c.Name),
                FunctionCallContent c => ("call", c.Name + JsonSerializer.Serialize(c.Arguments)),
                _ => throw new InvalidOperationException($"Unexpected {content.GetType().Name}"),
            };
            if (content is FunctionCallContent call)
            {
                Assert.False(string.IsNullOrEmpty(call.CallId));
                Assert.True(ids.Add(call.CallId), "call ids must be unique");
                Assert.True(call.Exception is null || call.Arguments is null, "a malformed call carries no arguments");
            }

            if (kind is not ("call" or "malformed") && lines.Count > 0 && lines[^1].StartsWith(kind + ":", StringComparison.Ordinal))
            {
                lines[^1] += text;
            }
            else
            {
                lines.Add(kind + ":" + text);
            }
        }

        return lines;
    }

    /// <summary>The output when <paramref name="text"/> arrives as one delta.</summary>
    public static List<string> Whole(Func<IModelOutputParser> create, string text) => Describe(Feed(create(), [text]));

    /// <summary>Every way of cutting the text in two, plus one character at a time.</summary>
    public static IEnumerable<string[]> Splits(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            yield return [text[..i], text[i..]];
        }

        yield return text.Select(c => c.ToString()).ToArray();
    }

    /// <summary>Asserts that every split of the text yields what the whole text does.</summary>
    public static void AssertSplitInvariant(Func<IModelOutputParser> create, string text, List<string> expected)
    {
        Assert.Equal(expected, Whole(create, text));
        foreach (var chunks in Splits(text))
        {
            var actual = Describe(Feed(create(), chunks));
            Assert.True(expected.SequenceEqual(actual),
                $"split {string.Join(" | ", chunks.Select(c => JsonSerializer.Serialize(c)).Take(3))}...\nexpected: {string.Join("; ", expected)}\nactual:   {string.Join("; ", actual)}");
        }
    }

    public static string Args(params (string Key, object Value)[] pairs)
    {
        var builder = new StringBuilder("{");
        builder.AppendJoin(",", pairs.Select(p => JsonSerializer.Serialize(p.Key) + ":" + JsonSerializer.Serialize(p.Value)));
        return builder.Append('}').ToString();
    }
}
