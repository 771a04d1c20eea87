using System.Text.Json;
using ChatRag.Embeddings.Onnx.Models;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>Picks and loads the tokenizer of an encoder or cross-encoder folder.</summary>
public static class EncoderTokenizers
{
    /// <summary>
    /// <c>tokenizer.json</c> (Unigram or WordPiece) first, then <c>vocab.txt</c> (cased per the arguments), then XLM-R's
    /// <c>sentencepiece.bpe.model</c>; throws <see cref="EncoderFolderException"/> saying what is missing or unusable.
    /// </summary>
    public static IEncoderTokenizer Load(string directory, bool lowercase = true, bool? stripAccents = null)
    {
        var tokenizerJson = Path.Combine(directory, "tokenizer.json");
        var vocab = Path.Combine(directory, "vocab.txt");
        var sentencePiece = Path.Combine(directory, "sentencepiece.bpe.model");
        try
        {
            if (File.Exists(tokenizerJson))
            {
                using (var document = JsonDocument.Parse(File.ReadAllBytes(tokenizerJson)))
                {
                    if (SentencePieceEncoderTokenizer.IsUnigramTokenizerJson(document.RootElement))
                    {
                        return SentencePieceEncoderTokenizer.FromTokenizerJson(tokenizerJson);
                    }
                }

                return BertTokenizer.FromTokenizerJson(tokenizerJson);
            }

            if (File.Exists(vocab))
            {
                return BertTokenizer.FromVocabFile(vocab, lowercase, stripAccents);
            }

            if (File.Exists(sentencePiece))
            {
                return SentencePieceEncoderTokenizer.FromSentencePieceModel(sentencePiece);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException or KeyNotFoundException
            or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            throw new EncoderFolderException($"The tokenizer in folder '{directory}' cannot be used: {ex.Message}", ex);
        }

        throw new EncoderFolderException($"Folder '{directory}' has neither tokenizer.json, vocab.txt nor sentencepiece.bpe.model.");
    }
}
