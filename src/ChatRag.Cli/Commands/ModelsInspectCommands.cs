using System.CommandLine;
using System.Text;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Templating;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>models tokenize</c> and <c>models template</c>: the verification verbs (a public contract) that print our
/// token ids and rendered prompts exactly, so they can be compared with transformers.js. Both need only
/// <c>tokenizer.json</c> and <c>tokenizer_config.json</c>, no ONNX graph.
/// </summary>
internal static class ModelsInspectCommands
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Tokenize()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder holding tokenizer.json.", Required = true };
        var text = new Option<string>("--text") { Description = "Text to encode.", Required = true };
        var special = new Option<bool>("--add-special-tokens") { Description = "Add the special tokens of tokenizer.json's post-processor (e.g. BOS)." };
        var command = new Command("tokenize", "Print the token ids of a text as one JSON object {\"ids\":[...]}.") { model, text, special };
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(model)!.FullName, "tokenizer.json");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"tokenizer.json not found in {parse.GetValue(model)!.FullName}.");
                return 2;
            }

            var ids = BpeTokenizer.FromFile(path).Encode(parse.GetValue(text)!);
            if (parse.GetValue(special))
            {
                ids = SpecialTokenTemplate.FromFile(path).Apply(ids);
            }

            Write(JsonSerializer.Serialize(new { ids }) + "\n");
            return 0;
        });
        return command;
    }

    public static Command Template()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder holding tokenizer_config.json (or chat_template.jinja).", Required = true };
        var conversation = new Option<FileInfo>("--conversation")
        {
            Description = "JSON file {\"messages\":[...], \"tools\":[...], \"add_generation_prompt\":true, ...}; other keys are template variables.",
            Required = true,
        };
        var command = new Command("template", "Print the prompt the model's chat template renders for a conversation, exactly (no added newline).") { model, conversation };
        command.SetAction(parse =>
        {
            try
            {
                var dir = parse.GetValue(model)!.FullName;
                if (ChatTemplates.Detect(dir) is not JinjaChatTemplate template)
                {
                    Console.Error.WriteLine($"{dir} carries no chat_template (tokenizer_config.json or chat_template.jinja).");
                    return 2;
                }

                using var document = JsonDocument.Parse(File.ReadAllBytes(parse.GetValue(conversation)!.FullName));
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("messages", out _))
                {
                    Console.Error.WriteLine("The conversation file must be a JSON object with \"messages\".");
                    return 2;
                }

                var variables = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
                Write(template.RenderVariables(variables));
                return 0;
            }
            catch (Exception ex) when (ex is TemplateException or NotSupportedException or JsonException or IOException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    // Raw UTF-8 bytes on stdout: the prompt must survive byte for byte whatever the console encoding is.
    private static void Write(string text)
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(Utf8.GetBytes(text));
        stdout.Flush();
    }
}
