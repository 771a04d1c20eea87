using ChatRag.Ingestion.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

public sealed class PipelineRegistrationTests
{
    [Fact]
    public void The_worker_comes_with_the_start_up_sweep_and_the_time_limits_bind_and_validate()
    {
        var services = Services(new() { ["ChatRag:Ingestion:Pipeline:JobTimeoutSeconds"] = "90", ["ChatRag:Ingestion:Pipeline:OrphanGraceSeconds"] = "600" });
        services.AddChatRagIngestionWorker();

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OrphanedUploadSweeper));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IngestionWorker));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<IngestionPipelineOptions>>().Value;
        Assert.Equal((90d, 600d), (options.JobTimeoutSeconds, options.OrphanGraceSeconds));
    }

    [Fact]
    public void A_job_time_limit_of_zero_is_refused()
    {
        using var provider = Services(new() { ["ChatRag:Ingestion:Pipeline:JobTimeoutSeconds"] = "0" }).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionPipelineOptions>>().Value);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddChatRagIngestionPipeline();
        return services;
    }
}
