using System.Reflection;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.OpenAI;
using ChatRag.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>
/// <see cref="DecoderOptions"/> is the one class bound to <c>ChatRag:Decoder</c> and to each
/// <c>ChatRag:Decoders:&lt;name&gt;</c>, for both kinds: the documented keys bind, and only the keys of the section's
/// kind are validated, with the section named.
/// </summary>
public sealed class DecoderOptionsTests
{
    [Fact]
    public void Remote_decoder_keys_bind_and_reach_the_adapter_settings()
    {
        using var provider = Build(new()
        {
            ["ChatRag:Decoder:Endpoint"] = "http://localhost:11434/v1",
            ["ChatRag:Decoder:Model"] = "qwen2.5:7b",
            ["ChatRag:Decoder:ApiKey"] = "sk-very-secret",
            ["ChatRag:Decoder:TimeoutSeconds"] = "30",
        });

        var options = provider.GetRequiredService<IOptions<DecoderOptions>>().Value;
        var remote = options.OpenAI();

        Assert.Equal(DecoderKind.OpenAI, options.Kind);
        Assert.Equal((new Uri("http://localhost:11434/v1"), "qwen2.5:7b", "sk-very-secret", 30, 2), (remote.Endpoint, remote.Model, remote.ApiKey, remote.TimeoutSeconds, remote.MaxRetries));
        Assert.DoesNotContain("sk-very-secret", options.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The adapters' settings classes hold the keys; <see cref="DecoderOptions"/> repeats them for binding and copies
    /// them over. A key added to a settings class but not to the options (or not copied) would be silently unbindable.
    /// </summary>
    [Theory]
    [InlineData(typeof(OnnxDecoderSettings))]
    [InlineData(typeof(OpenAICompatibleChatClientSettings))]
    public void Every_adapter_setting_is_a_decoder_option_with_its_default_and_is_copied(Type settings)
    {
        var defaults = new DecoderOptions();
        var options = new DecoderOptions();
        var keys = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var key in keys)
        {
            var option = typeof(DecoderOptions).GetProperty(key.Name);
            Assert.True(option is { CanWrite: true } && option.PropertyType == key.PropertyType, $"DecoderOptions has no settable {key.PropertyType.Name} {key.Name}");
            Assert.Equal(key.GetValue(Activator.CreateInstance(settings)), option.GetValue(defaults));
            option.SetValue(options, OtherThan(option.GetValue(defaults), key.PropertyType));
        }

        var copied = settings == typeof(OnnxDecoderSettings) ? (object)options.Onnx() : options.OpenAI();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(typeof(DecoderOptions).GetProperty(key.Name)!.GetValue(options), key.GetValue(copied)));
    }

    private static object OtherThan(object? value, Type type) => type switch
    {
        var t when t == typeof(string) => value + "-other",
        var t when t == typeof(int) => (int)value! + 1,
        var t when t == typeof(Uri) => new Uri("http://other.example/v1"),
        { IsEnum: true } t => Enum.GetValues(t).Cast<object>().First(v => !v.Equals(value)),
        _ => throw new NotSupportedException($"no other value for {type.Name}: extend the test"),
    };

    [Fact]
    public void In_process_decoder_keys_bind_with_their_defaults()
    {
        using var provider = Build(new()
        {
            ["ChatRag:Decoder:Kind"] = "onnx",
            ["ChatRag:Decoder:ModelPath"] = "models/some-decoder",
            ["ChatRag:Decoder:Provider"] = "Cpu",
            ["ChatRag:Decoder:Thinking"] = "Off",
        });

        var options = provider.GetRequiredService<IOptions<DecoderOptions>>().Value;
        var onnx = options.Onnx();

        Assert.Equal(DecoderKind.Onnx, options.Kind);
        Assert.Equal(("models/some-decoder", ExecutionProvider.Cpu, 4096, 4, 1024), (onnx.ModelPath, onnx.Provider, onnx.MaxLength, onnx.MaxConcurrency, onnx.DefaultMaxOutputTokens));
        Assert.Equal(ChatRag.Decoder.Onnx.Chat.ThinkingMode.Off, onnx.Thinking);
    }

    [Theory]
    [InlineData("OpenAI", "Endpoint", "ftp://localhost/v1", "ChatRag:Decoder:Endpoint must be an absolute http or https address")]
    [InlineData("OpenAI", "TimeoutSeconds", "0", "TimeoutSeconds")]
    [InlineData("Onnx", "MaxLength", "4", "MaxLength")]
    [InlineData("Onnx", "ModelPath", "", "ModelPath")]
    public void A_bad_key_of_the_sections_kind_fails_start_up_naming_it(string kind, string key, string value, string expected)
    {
        using var provider = Build(new()
        {
            ["ChatRag:Decoder:Kind"] = kind,
            ["ChatRag:Decoder:Endpoint"] = "http://localhost:11434/v1",
            ["ChatRag:Decoder:Model"] = "m",
            ["ChatRag:Decoder:ModelPath"] = "models/some-decoder",
            [$"ChatRag:Decoder:{key}"] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DecoderOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.All(error.Failures, f => Assert.StartsWith("ChatRag:Decoder", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_of_the_other_kind_are_not_validated()
    {
        using var provider = Build(new()
        {
            ["ChatRag:Decoder:Endpoint"] = "http://localhost:11434/v1",
            ["ChatRag:Decoder:Model"] = "m",
            ["ChatRag:Decoder:MaxLength"] = "4",
        });

        Assert.Equal(DecoderKind.OpenAI, provider.GetRequiredService<IOptions<DecoderOptions>>().Value.Kind);
    }

    [Fact]
    public void A_named_decoder_is_validated_by_its_kind_with_its_section_named()
    {
        using var provider = Build(new()
        {
            ["ChatRag:Decoders:remote:Endpoint"] = "ftp://localhost/v1",
            ["ChatRag:Decoders:remote:Model"] = "m",
            ["ChatRag:Decoders:local:Kind"] = "Onnx",
            ["ChatRag:Decoders:local:MaxConcurrency"] = "0",
            ["ChatRag:Decoders:local:ModelPath"] = "models/some-decoder",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DecoderCatalogOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("ChatRag:Decoders:remote:Endpoint must be an absolute http or https address", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ChatRag:Decoders:local: ", StringComparison.Ordinal) && f.Contains("MaxConcurrency", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddChatRag(configuration).AddChatRagChat(configuration).BuildServiceProvider();
    }
}
