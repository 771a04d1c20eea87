using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// Disposing the generator while a graph run is in flight (a host shutting down under an abandoned ingestion run)
/// must stop that run and wait for it, never free the native session under it: that crashed the test host.
/// </summary>
[Collection(BundledModelsCollection.Name)]
public sealed class GeneratorDisposalTests(BundledModelsFixture fixture)
{
    [Fact]
    public async Task Dispose_during_a_run_waits_for_it_and_later_calls_are_refused()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.Arctic.Model, new EncoderRuntimeOptions { BatchSize = 64 });
        var text = string.Join(' ', Enumerable.Repeat("retrieval augmented generation grounds answers in documents", 40));
        var inputs = Enumerable.Range(0, 512).Select(i => $"{i} {text}").ToArray();
        var embedding = Task.Run(() => generator.GenerateAsync(inputs));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (generator.RunsInFlight == 0 && !embedding.IsCompleted && DateTime.UtcNow < deadline)
        {
            Thread.SpinWait(100);
        }

        Assert.True(generator.RunsInFlight > 0, "the embedding never started a graph run");
        generator.Dispose();

        Assert.Equal(0, generator.RunsInFlight);
        var error = await Record.ExceptionAsync(() => embedding);
        Assert.True(error is ObjectDisposedException or OnnxRuntimeException, $"unexpected outcome: {error?.GetType().Name ?? "completed"}");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after dispose"]));
        generator.Dispose();
    }
}
