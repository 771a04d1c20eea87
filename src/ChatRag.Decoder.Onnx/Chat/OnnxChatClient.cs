using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Sampling;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>
/// <see cref="IChatClient"/> over the in-process ONNX decoder: renders the conversation with the model family's chat
/// template, runs the generation loop, and turns its text into <see cref="TextContent"/>,
/// <see cref="TextReasoningContent"/> and <see cref="FunctionCallContent"/> through the family's output parser,
/// so it composes with <c>FunctionInvokingChatClient</c>. Requests share one model; at most
/// <see cref="OnnxChatClientOptions.MaxConcurrency"/> generate at once.
/// </summary>
public sealed partial class OnnxChatClient : IChatClient
{
    private readonly Lazy<(ITextGenerator Generator, IChatTemplate Template)> backend;
    private readonly OnnxChatClientOptions options;
    private readonly SemaphoreSlim gate;
    private readonly IDisposable? owned;

    /// <summary>Creates a client over a generator and template (both supplied by the caller, not owned).</summary>
    public OnnxChatClient(ITextGenerator generator, IChatTemplate template, OnnxChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(template);
        backend = new((generator, template));
        this.options = options ?? new OnnxChatClientOptions();
        gate = new SemaphoreSlim(this.options.MaxConcurrency, this.options.MaxConcurrency);
    }

    private OnnxChatClient(Lazy<(ITextGenerator, IChatTemplate)> backend, OnnxChatClientOptions options, IDisposable owned)
    {
        this.backend = backend;
        this.options = options;
        this.owned = owned;
        gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    /// <summary>
    /// Creates a client for the model folder that loads the model and detects its chat template on first use, so a
    /// missing model fails the first request rather than start-up. The client owns and disposes the model.
    /// </summary>
    public static OnnxChatClient ForModelDirectory(string modelDirectory, DecoderModelLoadOptions? loadOptions = null, OnnxChatClientOptions? options = null)
    {
        var holder = new ModelHolder(modelDirectory, loadOptions);
        var backend = new Lazy<(ITextGenerator, IChatTemplate)>(() => (new DecoderTextGenerator(holder.Model), ChatTemplates.Detect(modelDirectory)), LazyThreadSafetyMode.ExecutionAndPublication);
        return new OnnxChatClient(backend, options ?? new OnnxChatClientOptions(), holder);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata("onnxruntime", null, backend.IsValueCreated ? backend.Value.Generator.ModelId : null);
        }

        if (serviceType == typeof(IPromptTokenCounter))
        {
            // Loads the model on first use, as a request would: counting needs its tokenizer and context length.
            return backend.Value.Generator as IPromptTokenCounter;
        }

        if (serviceType == typeof(ToolCallSupport))
        {
            // Reads the template on first use, as a request would; a template without a tool format gets no tools.
            return backend.Value.Template.SupportsTools
                ? new ToolCallSupport(true, string.Empty)
                : new ToolCallSupport(false, $"The chat template of {backend.Value.Generator.ModelId} declares no tool-call format, so the model was offered no tools.");
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The model defers its native release until running generations unwind (DecoderModel.Lifetime). The gate is
        // not disposed: a stream still unwinding releases its slot after this, and a SemaphoreSlim whose wait handle
        // was never asked for holds nothing to free.
        owned?.Dispose();
    }

    private GenerationSettings ToSettings(ChatOptions? options)
    {
        var sampling = new SamplingOptions
        {
            Temperature = options?.Temperature ?? 0f,
            TopK = options?.TopK ?? 0,
            TopP = options?.TopP ?? 1f,
            Seed = options?.Seed is { } seed ? unchecked((int)seed) : null,
            RepetitionPenalty = options?.AdditionalProperties?.TryGetValue("repetition_penalty", out float penalty) == true ? penalty : 1f,
        };
        return new GenerationSettings { MaxNewTokens = options?.MaxOutputTokens ?? this.options.DefaultMaxOutputTokens, Sampling = sampling };
    }

    private sealed class ModelHolder(string directory, DecoderModelLoadOptions? loadOptions) : IDisposable
    {
        private readonly Lazy<DecoderModel> model = new(() => DecoderModel.Load(directory, loadOptions), LazyThreadSafetyMode.ExecutionAndPublication);

        public DecoderModel Model => model.Value;

        public void Dispose()
        {
            if (model.IsValueCreated)
            {
                model.Value.Dispose();
            }
        }
    }
}
