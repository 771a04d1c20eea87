namespace ChatRag.Core.Conversations;

/// <summary>
/// A decoder's context window and its way of counting tokens, so a chat turn can be trimmed to fit before the model
/// is called. A chat client offers it through <c>IChatClient.GetService(typeof(IPromptTokenCounter))</c>; callers
/// estimate when a client offers none (a remote endpoint).
/// </summary>
public interface IPromptTokenCounter
{
    /// <summary>Tokens the model can attend to, prompt and answer together.</summary>
    int ContextTokens { get; }

    /// <summary>Tokens of <paramref name="text"/> as the model's tokenizer splits it (no special tokens).</summary>
    int CountTokens(string text);
}
