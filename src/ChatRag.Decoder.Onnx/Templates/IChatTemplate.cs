using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// A model family's chat format: turns a conversation into the exact prompt text the model was trained on,
/// and knows how to read the model's raw output back into Microsoft.Extensions.AI contents.
/// </summary>
public interface IChatTemplate
{
    /// <summary>The family name: <c>qwen2.5</c>, <c>llama3</c>, <c>phi3.5</c> or <c>phi4</c>.</summary>
    string Family { get; }

    /// <summary>Renders the conversation as the family's Hugging Face chat template would.</summary>
    /// <param name="messages">The conversation, system message first if any.</param>
    /// <param name="tools">Tools offered to the model, or <see langword="null"/> for none.</param>
    /// <param name="addGenerationPrompt">Whether to end with the header that opens the assistant's turn.</param>
    /// <returns>The prompt text, special tokens written as text.</returns>
    string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true);

    /// <summary>Strings that end the assistant's turn, e.g. <c>&lt;|im_end|&gt;</c>, <c>&lt;|eot_id|&gt;</c>, <c>&lt;|end|&gt;</c>.</summary>
    IReadOnlyList<string> StopStrings { get; }

    /// <summary>Creates a fresh streaming parser for one generation of this family's output.</summary>
    /// <returns>A parser that must be fed the decoded text deltas of a single response, in order.</returns>
    IModelOutputParser CreateOutputParser();

    /// <summary>
    /// Renders a generation prompt with thinking requested on (<see langword="true"/>), off (<see langword="false"/>)
    /// or left to the template (<see langword="null"/>). Templates without reasoning ignore the request.
    /// </summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="tools">Tools offered to the model, or <see langword="null"/>.</param>
    /// <param name="thinking">The thinking request.</param>
    /// <returns>The prompt text, ending with the header that opens the assistant's turn.</returns>
    string RenderGenerationPrompt(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool? thinking) =>
        Render(messages, tools, addGenerationPrompt: true);

    /// <summary>Creates the output parser for a generation that continues <paramref name="prompt"/>.</summary>
    /// <param name="prompt">The rendered prompt; one that already opened reasoning makes the output start inside it.</param>
    /// <returns>A fresh parser.</returns>
    IModelOutputParser CreateOutputParser(string prompt) => CreateOutputParser();

    /// <summary>Whether the template declares a tool-call format; a model without one is offered no tools.</summary>
    bool SupportsTools => true;
}
