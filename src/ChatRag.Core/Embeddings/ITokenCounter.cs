namespace ChatRag.Core.Embeddings;

/// <summary>Counts tokens the way an encoder's own tokenizer does, so chunk budgets match what the model sees.</summary>
public interface ITokenCounter
{
    /// <summary>Number of tokens the text becomes, excluding special tokens such as [CLS] and [SEP].</summary>
    int CountTokens(string text);

    /// <summary>Longest input, in tokens including special tokens, that the model accepts without truncation.</summary>
    int MaxTokens { get; }
}
