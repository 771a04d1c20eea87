using ChatRag.Chat.Decoders;
using ChatRag.Decoder.Onnx.Tools;
using ChatRag.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>
/// The catalogue built from <c>ChatRag:Decoders:&lt;name&gt;</c> over real synthesized ONNX folders: models load on
/// first use, idle ones are unloaded least recently used first at the memory budget, and a lease keeps its model.
/// </summary>
public sealed class DecoderCatalogTests
{
    private static readonly string[] Three = ["alpha", "bravo", "charlie"];

    [Fact]
    public void Models_load_on_first_use_only()
    {
        using var provider = Build(budgetModels: 0);
        var catalog = provider.GetRequiredService<DecoderCatalog>();

        Assert.All(catalog.Describe(), d => Assert.Equal("unloaded", d.State));
        Assert.Equal(0, catalog.LoadedBytes);

        using (var lease = catalog.Acquire("bravo"))
        {
            Assert.NotNull(lease.Client);
            Assert.Equal("bravo", lease.Name);
        }

        var states = catalog.Describe().ToDictionary(d => d.Name, d => d.State);
        Assert.Equal("loaded", states["bravo"]);
        Assert.Equal("unloaded", states["alpha"]);
        Assert.Equal("unloaded", states["charlie"]);
        Assert.Equal(TinyDecoders.OnnxBytes(TinyDecoders.Folder("bravo", 2)), catalog.LoadedBytes);
    }

    [Fact]
    public void The_least_recently_used_idle_model_is_unloaded_when_the_next_would_exceed_the_budget()
    {
        using var provider = Build(budgetModels: 2);
        var catalog = provider.GetRequiredService<DecoderCatalog>();

        catalog.Acquire("alpha").Dispose();
        catalog.Acquire("bravo").Dispose();
        catalog.Acquire("alpha").Dispose(); // alpha is now more recent than bravo
        catalog.Acquire("charlie").Dispose();

        var states = catalog.Describe().ToDictionary(d => d.Name, d => d.State);
        Assert.Equal("loaded", states["alpha"]);
        Assert.Equal("unloaded", states["bravo"]);
        Assert.Equal("loaded", states["charlie"]);
        Assert.True(catalog.LoadedBytes <= catalog.MemoryBudgetBytes, $"{catalog.LoadedBytes} bytes loaded over a budget of {catalog.MemoryBudgetBytes}");

        // An unloaded model loads again on its next request.
        using var again = catalog.Acquire("bravo");
        Assert.NotNull(again.Client);
    }

    [Fact]
    public async Task A_running_generation_keeps_its_model_while_others_load_beyond_the_budget()
    {
        using var provider = Build(budgetModels: 1);
        var catalog = provider.GetRequiredService<DecoderCatalog>();
        var lease = catalog.Acquire("alpha");
        await using var stream = lease.Client!.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello")], new ChatOptions { MaxOutputTokens = 24 })
            .GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());

        // Only one model fits, but alpha is generating: bravo loads beside it rather than pull alpha's sessions away.
        using (var other = catalog.Acquire("bravo"))
        {
            Assert.NotNull(other.Client);
            var states = catalog.Describe().ToDictionary(d => d.Name);
            Assert.Equal("loaded", states["alpha"].State);
            Assert.Equal(1, states["alpha"].InUse);
            Assert.Equal("loaded", states["bravo"].State);
        }

        // The generation runs to its end on the model it started with.
        while (await stream.MoveNextAsync())
        {
        }

        lease.Dispose();

        // Idle again, the budget is enforced: only one of the two stays loaded.
        Assert.Single(catalog.Describe(), d => d.State == "loaded");
    }

    [Fact]
    public void A_folder_that_fails_to_load_is_failed_and_the_lease_says_why_without_throwing()
    {
        var broken = Directory.CreateTempSubdirectory("chatrag-broken-decoder").FullName;
        using var provider = Build(budgetModels: 0, extra: new() { ["ChatRag:Decoders:broken:ModelPath"] = broken, ["ChatRag:Decoders:broken:Kind"] = "Onnx" });
        var catalog = provider.GetRequiredService<DecoderCatalog>();

        using var lease = catalog.Acquire("broken");

        Assert.Null(lease.Client);
        Assert.Contains("'broken' failed to load", lease.Reason, StringComparison.Ordinal);
        var state = Assert.Single(catalog.Describe(), d => d.Name == "broken");
        Assert.Equal("failed", state.State);
        Assert.False(string.IsNullOrEmpty(state.Error));
    }

    [Fact]
    public void Names_are_checked_the_default_is_validated_at_start_up_and_the_unnamed_section_stays_default()
    {
        using (var provider = Build(budgetModels: 0, extra: new() { ["ChatRag:DefaultDecoder"] = "charlie" }))
        {
            var catalog = provider.GetRequiredService<DecoderCatalog>();
            Assert.Equal("charlie", catalog.DefaultName);
            var unknown = Assert.Throws<UnknownDecoderException>(() => catalog.Acquire("delta"));
            Assert.Contains("alpha, bravo, charlie", unknown.Message, StringComparison.Ordinal);
        }

        using (var provider = Build(budgetModels: 0, extra: new() { ["ChatRag:DefaultDecoder"] = "delta" }))
        {
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DecoderCatalogOptions>>().Value);
            Assert.Contains("ChatRag:DefaultDecoder must name a configured decoder: alpha, bravo, charlie", error.Message, StringComparison.Ordinal);
        }

        // The single ChatRag:Decoder section of earlier versions is the decoder named "default", and the default.
        using (var provider = Build(budgetModels: 0, extra: new() { ["ChatRag:Decoder:ModelPath"] = TinyDecoders.Folder("alpha", 1), ["ChatRag:Decoder:Provider"] = "Cpu" }))
        {
            var catalog = provider.GetRequiredService<DecoderCatalog>();
            Assert.Equal(["alpha", "bravo", "charlie", "default"], catalog.Names);
            Assert.Equal("default", catalog.DefaultName);
        }
    }

    [Fact]
    public void Catalogue_decoders_check_tool_calls_against_the_tool_schema_before_invoking()
    {
        using var provider = Build(budgetModels: 0, new() { ["ChatRag:Decoders:remote:Kind"] = "OpenAI", ["ChatRag:Decoders:remote:Endpoint"] = "http://127.0.0.1:9/v1", ["ChatRag:Decoders:remote:Model"] = "m" });
        var catalog = provider.GetRequiredService<DecoderCatalog>();

        // The guard turns broken JSON, unknown tools and wrong argument types into tool errors the model reads; a plain
        // UseFunctionInvocation() would run the tool with whatever arguments the model wrote (the merge lost it once).
        foreach (var name in new[] { "alpha", "remote" })
        {
            using var lease = catalog.Acquire(name);
            var invoking = lease.Client!.GetService<FunctionInvokingChatClient>();
            Assert.NotNull(invoking);
            Assert.Equal(ToolCallGuard.InvokeAsync, invoking.FunctionInvoker);
        }
    }

    private static ServiceProvider Build(int budgetModels, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>();
        ulong seed = 1;
        foreach (var name in Three)
        {
            settings[$"ChatRag:Decoders:{name}:ModelPath"] = TinyDecoders.Folder(name, seed++);
            settings[$"ChatRag:Decoders:{name}:Provider"] = "Cpu";
        }

        // The three tiny models differ only in weights, so they weigh the same: a budget of n models holds n of them.
        var size = TinyDecoders.OnnxBytes(TinyDecoders.Folder("alpha", 1));
        settings["ChatRag:Decoders:MemoryBudgetMB"] = budgetModels == 0 ? "0" : ((size * (budgetModels + 0.5)) / 1048576.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Logging as every host has it: the decoder pipeline logs through it (UseChatRagTelemetry).
        var services = new ServiceCollection().AddLogging();
        services.AddDecoderCatalog(configuration);
        return services.BuildServiceProvider();
    }
}
