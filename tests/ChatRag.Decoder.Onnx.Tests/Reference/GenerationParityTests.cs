using System.Diagnostics;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Sampling;
using ChatRag.Decoder.Onnx.Templates;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// Greedy generation matches transformers.js token for token (tests/reference/generation.json, written by
/// generation.mjs from the same synthesized folders): Qwen2-shaped optimum and merged-optimum folders with the
/// byte-level tokenizer, a Phi-3-typed folder with the SentencePiece one; each prompt rendered by the folder's own
/// template (tools and a tool result included), tokenized, then 32 tokens generated with and without the KV cache.
/// </summary>
public sealed class GenerationParityTests(GenerationFolders folders) : IClassFixture<GenerationFolders>
{
    [Theory]
    [MemberData(nameof(GenerationFolders.Cases), MemberType = typeof(GenerationFolders))]
    public void PromptTokensAndGreedyTokensEqualTransformersJs(string model, string prompt)
    {
        var expected = GenerationFolders.Case(model, prompt);
        var dir = folders.Folders[model];
        var conversation = GenerationFolders.Prompt(prompt);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = conversation.GetProperty("messages").Clone(),
            ["tools"] = conversation.TryGetProperty("tools", out var tools) ? tools.Clone() : null,
            ["add_generation_prompt"] = true,
        };
        var text = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(dir)).RenderVariables(variables);
        using var decoder = DecoderModel.Load(dir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var ids = decoder.Tokenizer.Encode(text);

        Assert.Equal(expected.GetProperty("text").GetString(), text);
        Assert.Equal(Ids(expected, "prompt_ids"), ids);
        foreach (var cache in new[] { true, false })
        {
            var result = new GenerationResult();
            var settings = new GenerationSettings { MaxNewTokens = ReferenceFiles.GenerationCases.GetProperty("max_new_tokens").GetInt32(), UseCache = cache, Sampling = SamplingOptions.Greedy };
            _ = TextGeneration.Stream(decoder, ids, settings, [], result).Count();

            // transformers.js keeps the end-of-sequence token it stopped on; our result lists generated text tokens only.
            var generated = result.FinishReason == FinishReason.EndOfSequence
                ? [.. result.TokenIds, Ids(expected, "generated_ids")[^1]]
                : result.TokenIds.ToArray();
            Assert.True(Ids(expected, "generated_ids").SequenceEqual(generated), $"KV cache {cache}: [{string.Join(", ", result.TokenIds)}] ({result.FinishReason})");
            if (result.FinishReason == FinishReason.EndOfSequence)
            {
                Assert.Contains(generated[^1], decoder.Info.EosTokenIds);
            }
            else
            {
                Assert.Equal(FinishReason.Length, result.FinishReason);
            }
        }
    }

    [RealTokenizerFact]
    [Trait("Category", "Integration")]
    public async Task TransformersJsRegeneratesTheCommittedReferenceFromTheseFolders()
    {
        var output = Directory.CreateTempSubdirectory("chatrag-generation-out-").FullName;
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = ReferenceFiles.ReferenceFolder };
            start.ArgumentList.Add(Path.Combine(ReferenceFiles.ReferenceFolder, "generation.mjs"));
            start.ArgumentList.Add(folders.Root);
            start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, await stderr);
            var committed = await File.ReadAllBytesAsync(Path.Combine(ReferenceFiles.ReferenceFolder, "generation.json"));
            var regenerated = await File.ReadAllBytesAsync(Path.Combine(output, "generation.json"));
            Assert.True(committed.SequenceEqual(regenerated), "tests/reference/generation.json is stale: run tests/reference/generation.sh and commit the result.");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static int[] Ids(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];
}
