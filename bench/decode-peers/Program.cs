using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntimeGenAI;

// ONNX Runtime GenAI's CPU decode on a genai folder, measured as `chatrag generate --json` measures ours: greedy,
// end of sequence ignored, the prompt's tokens repeated to exactly --prompt-tokens; time to first token from the start
// of the prompt's forward pass to the first chosen token, decode speed over the tokens after it. One JSON line per run.
var options = Args(args);
var dir = options["--model"];
var promptTokens = int.Parse(options["--prompt-tokens"], CultureInfo.InvariantCulture);
var newTokens = int.Parse(options.GetValueOrDefault("--new-tokens", "64"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("--runs", "3"), CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("--warmup", "1"), CultureInfo.InvariantCulture);

using var model = new Model(dir);
using var tokenizer = new Tokenizer(model);
using var encoded = tokenizer.Encode(options.GetValueOrDefault("--prompt", "hello world"));
var seed = encoded[0].ToArray();
var prompt = Enumerable.Range(0, promptTokens).Select(i => seed[i % seed.Length]).ToArray();

for (var i = 0; i < warmup + runs; i++)
{
    var (ttft, perSecond, generated) = Run(model, prompt, newTokens);
    if (i >= warmup)
    {
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["impl"] = "onnxruntime-genai", ["prompt_tokens"] = promptTokens, ["generated"] = generated,
            ["ttft_ms"] = Math.Round(ttft, 2), ["tokens_per_s"] = Math.Round(perSecond, 1),
        }));
    }
}

static (double TtftMs, double TokensPerSecond, int Generated) Run(Model model, int[] prompt, int newTokens)
{
    using var parameters = new GeneratorParams(model);
    parameters.SetSearchOption("max_length", prompt.Length + newTokens);
    parameters.SetSearchOption("min_length", prompt.Length + newTokens);
    parameters.SetSearchOption("do_sample", false);
    using var generator = new Generator(model, parameters);
    var watch = Stopwatch.StartNew();
    generator.AppendTokens(prompt);
    double first = 0;
    var generated = 0;
    while (!generator.IsDone() && generated < newTokens)
    {
        generator.GenerateNextToken();
        _ = generator.GetSequence(0)[^1];
        generated++;
        if (generated == 1)
        {
            first = watch.Elapsed.TotalMilliseconds;
        }
    }

    var total = watch.Elapsed.TotalMilliseconds;
    return (first, generated > 1 ? (generated - 1) / ((total - first) / 1000) : 0, generated);
}

static Dictionary<string, string> Args(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i]] = args[i + 1];
    }

    return result;
}
