using System.Text.Json;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// A tool round trip through the real ONNX decoder of a synthesized folder, behind FunctionInvokingChatClient: the
/// tool is declared through the folder's own template, the call is parsed from Hermes markup and executed, its result
/// goes back with the template's tool role, and the model generates from that prompt. The prompt and the generated
/// ids equal what transformers.js rendered and generated for the same conversation (generation.json,
/// qwen2-tiny-optimum / tools-and-result). Random weights never write a call, so only the first turn's text is
/// scripted; the second turn is the real model.
/// </summary>
public sealed class ToolRoundTripTests(GenerationFolders folders) : IClassFixture<GenerationFolders>
{
    [Fact]
    public async Task CallIsExecutedAndTheResultPromptGeneratesWhatTransformersJsGenerates()
    {
        var reference = GenerationFolders.Case("qwen2-tiny-optimum", "tools-and-result");
        var dir = folders.Folders["qwen2-tiny-optimum"];
        using var model = DecoderModel.Load(dir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var generator = new FirstTurnScripted(new DecoderTextGenerator(model), "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>");
        var tool = new WeatherFunction(GenerationFolders.Prompt("tools-and-result").GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").Clone());
        using var inner = new OnnxChatClient(generator, ChatTemplates.Detect(dir));
        using var client = new ChatClientBuilder(inner).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool], MaxOutputTokens = 32 });

        Assert.Equal(["Paris"], tool.Cities);
        Assert.Equal(2, generator.Prompts.Count);
        Assert.Equal(reference.GetProperty("text").GetString(), generator.Prompts[1]);
        Assert.Equal(reference.GetProperty("generated_ids").EnumerateArray().Select(e => e.GetInt32()), generator.LastIds);
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionResultContent>().Any(r => r.Result?.ToString() == "sunny"));
    }

    private sealed class FirstTurnScripted(ITextGenerator real, string firstTurn) : ITextGenerator
    {
        public List<string> Prompts { get; } = [];

        public List<int> LastIds { get; private set; } = [];

        public string ModelId => real.ModelId;

        public IEnumerable<string> Generate(string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken)
        {
            Prompts.Add(prompt);
            if (Prompts.Count == 1)
            {
                yield return firstTurn;
                yield break;
            }

            foreach (var delta in real.Generate(prompt, settings, stopStrings, result, cancellationToken))
            {
                yield return delta;
            }

            LastIds = [.. result.TokenIds];
        }
    }

    private sealed class WeatherFunction(JsonElement schema) : AIFunction
    {
        public List<string> Cities { get; } = [];

        public override string Name => "get_weather";

        public override string Description => string.Empty;

        public override JsonElement JsonSchema => schema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            Cities.Add(arguments["city"]?.ToString() ?? string.Empty);
            return ValueTask.FromResult<object?>("sunny");
        }
    }
}
