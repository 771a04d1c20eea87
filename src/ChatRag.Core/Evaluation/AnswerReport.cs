using System.Text.Json.Serialization;

namespace ChatRag.Core.Evaluation;

/// <summary>Scores of an answer evaluation (<c>eval --answers</c>); JSON names are the verb's output contract.</summary>
public sealed record AnswerReport
{
    /// <summary>Answerable questions scored.</summary>
    [JsonPropertyName("answerable")]
    public int Answerable { get; init; }

    /// <summary>Unanswerable questions scored.</summary>
    [JsonPropertyName("unanswerable")]
    public int Unanswerable { get; init; }

    /// <summary>Share of answerable questions whose answer contains a gold span.</summary>
    [JsonPropertyName("answer_has_gold")]
    public double AnswerHasGold { get; init; }

    /// <summary>Share of answerable questions with a cited passage that contains a gold span.</summary>
    [JsonPropertyName("cited_has_gold")]
    public double CitedHasGold { get; init; }

    /// <summary>Median answer length (characters, preface excluded) over answerable questions.</summary>
    [JsonPropertyName("median_answer_chars")]
    public double MedianAnswerChars { get; init; }

    /// <summary>Share of answerable questions answered with <c>found: true</c>.</summary>
    [JsonPropertyName("found_on_answerable")]
    public double FoundOnAnswerable { get; init; }

    /// <summary>Share of unanswerable questions answered with <c>found: false</c>.</summary>
    [JsonPropertyName("not_found_on_unanswerable")]
    public double NotFoundOnUnanswerable { get; init; }

    /// <summary>Thresholds in effect (or chosen by calibration): minimum support.</summary>
    [JsonPropertyName("min_support")]
    public double MinSupport { get; init; }

    /// <summary>Thresholds in effect (or chosen by calibration): minimum cosine.</summary>
    [JsonPropertyName("min_cosine")]
    public double MinCosine { get; init; }

    /// <summary>Median milliseconds per chat turn.</summary>
    [JsonPropertyName("chat_p50_ms")]
    public double ChatP50Ms { get; init; }

    /// <summary>The split scored.</summary>
    [JsonPropertyName("split")]
    public string Split { get; init; } = QuerySplit.All;
}
