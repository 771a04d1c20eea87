using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Sampling;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Cli.Commands;

/// <summary><c>generate</c>: runs the in-process decoder on one prompt and reports ids, text, time to first token and tokens/s.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder.", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "Prompt text (a user message, unless --raw).", Required = true };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate.", DefaultValueFactory = _ => 128 };
        var greedy = new Option<bool>("--greedy") { Description = "Greedy decoding (otherwise temperature/top-p sampling)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Recompute the full sequence every step (no KV cache)." };
        var provider = new Option<string>("--provider") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        provider.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var json = new Option<bool>("--json") { Description = "Print one JSON object (token_ids, text, ttft_ms, tokens_per_s, provider)." };
        var raw = new Option<bool>("--raw") { Description = "Feed the prompt as is, without the chat template." };
        var promptTokens = new Option<int>("--prompt-tokens") { Description = "Repeat the prompt's tokens to exactly this many (benchmarks)." };
        var ignoreEos = new Option<bool>("--ignore-eos") { Description = "Keep generating past end-of-sequence (benchmarks)." };
        var temperature = new Option<float>("--temperature") { DefaultValueFactory = _ => 0.7f };
        var topK = new Option<int>("--top-k") { DefaultValueFactory = _ => 0 };
        var topP = new Option<float>("--top-p") { DefaultValueFactory = _ => 0.9f };
        var seed = new Option<int?>("--seed") { Description = "Sampling seed (reproducible output)." };
        var maxLength = new Option<int>("--max-length") { Description = "Cap on prompt + generated tokens (KV buffer size).", DefaultValueFactory = _ => 4096 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs before the measured one.", DefaultValueFactory = _ => 0 };
        var command = new Command("generate", "Generate text with the in-process ONNX decoder.")
        {
            model, prompt, maxTokens, greedy, noCache, provider, json, raw, promptTokens, ignoreEos, temperature, topK, topP, seed, maxLength, warmup,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var dir = parse.GetValue(model)!.FullName;
            var load = new DecoderModelLoadOptions { Provider = Enum.Parse<ExecutionProvider>(parse.GetValue(provider)!, true), MaxLength = parse.GetValue(maxLength) };
            using var decoder = DecoderModel.Load(dir, load);
            var ids = PromptIds(decoder, dir, parse.GetValue(prompt)!, parse.GetValue(raw), parse.GetValue(promptTokens), out var stops);
            var settings = new GenerationSettings
            {
                MaxNewTokens = parse.GetValue(maxTokens),
                UseCache = !parse.GetValue(noCache),
                IgnoreEos = parse.GetValue(ignoreEos),
                Sampling = parse.GetValue(greedy) ? SamplingOptions.Greedy : new SamplingOptions
                {
                    Temperature = parse.GetValue(temperature), TopK = parse.GetValue(topK), TopP = parse.GetValue(topP), Seed = parse.GetValue(seed),
                },
            };
            for (var i = 0; i < parse.GetValue(warmup); i++)
            {
                _ = TextGeneration.Stream(decoder, ids, settings, stops, new GenerationResult(), cancellationToken).Count();
            }

            var result = new GenerationResult();
            var asJson = parse.GetValue(json);
            foreach (var delta in TextGeneration.Stream(decoder, ids, settings, stops, result, cancellationToken))
            {
                if (!asJson)
                {
                    Console.Write(delta);
                }
            }

            var providerName = decoder.Provider.ToString().ToLowerInvariant();
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["token_ids"] = result.TokenIds,
                    ["text"] = result.Text,
                    ["ttft_ms"] = Math.Round(result.TimeToFirstToken.TotalMilliseconds, 2),
                    ["tokens_per_s"] = Math.Round(result.DecodeTokensPerSecond, 1),
                    ["provider"] = providerName,
                    ["prompt_tokens"] = result.PromptTokens,
                    ["generated_tokens"] = result.TokenIds.Count,
                    ["finish_reason"] = result.FinishReason.ToString(),
                    ["kv_cache"] = settings.UseCache,
                }));
            }
            else
            {
                Console.WriteLine();
                Console.WriteLine("token ids: " + string.Join(' ', result.TokenIds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.PromptTokens} prompt tokens, {result.TokenIds.Count} generated ({result.FinishReason}); time to first token {result.TimeToFirstToken.TotalMilliseconds:F1} ms; {result.DecodeTokensPerSecond:F1} tokens/s; provider {providerName}"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static List<int> PromptIds(DecoderModel decoder, string dir, string text, bool raw, int exactCount, out IReadOnlyList<string> stops)
    {
        stops = [];
        if (!raw)
        {
            try
            {
                var template = ChatTemplates.Detect(dir);
                stops = template.StopStrings;
                text = template.Render([new ChatMessage(ChatRole.User, text)], null);
            }
            catch (NotSupportedException e)
            {
                Console.Error.WriteLine($"No chat template ({e.Message}); using the prompt as is.");
            }
        }

        var ids = decoder.Tokenizer.Encode(text).ToList();
        if (exactCount > 0 && ids.Count > 0)
        {
            var source = ids.ToArray();
            ids = [.. Enumerable.Range(0, exactCount).Select(i => source[i % source.Length])];
        }

        return ids;
    }
}
