using System.Text;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>Every case of the hostile corpus, through the real pipeline at the default limits, ends as expected with a reason.</summary>
public sealed class HostilePipelineTests
{
    [Theory]
    [MemberData(nameof(HostileCorpus.Names), MemberType = typeof(HostileCorpus))]
    public async Task Hostile_upload_ends_with_a_clear_reason_and_leaves_earlier_documents_intact(string name)
    {
        var hostile = HostileCorpus.Get(name);
        using var pipeline = new HostilePipeline();
        var (_, _, _, earlier) = await pipeline.RunAsync(Encoding.UTF8.GetBytes("An ordinary note about blood pressure and exercise."), "note.txt");

        var (outcome, reason, statusCode, _) = await pipeline.RunAsync(hostile.Bytes(), hostile.FileName);

        Assert.Equal(hostile.Expected, outcome);
        if (outcome == HostileOutcome.RejectedAtUpload)
        {
            Assert.InRange(statusCode ?? 0, 400, 499);
        }

        if (outcome != HostileOutcome.Ready)
        {
            Assert.Contains(hostile.Reason, reason ?? string.Empty, StringComparison.Ordinal);
        }

        var (again, _, _, _) = await pipeline.RunAsync(Encoding.UTF8.GetBytes("A second ordinary note, processed after the hostile one."), "after.txt");
        Assert.Equal(HostileOutcome.Ready, again);
        Assert.Equal("ready", await pipeline.StatusAsync(earlier!.Value));
    }
}
