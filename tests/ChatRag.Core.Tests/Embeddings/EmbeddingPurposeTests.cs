using ChatRag.Core.Embeddings;

namespace ChatRag.Core.Tests.Embeddings;

public sealed class EmbeddingPurposeTests
{
    [Fact]
    public void Query_options_round_trip()
    {
        Assert.Equal(EmbeddingPurpose.Query, EmbeddingPurpose.Of(EmbeddingPurpose.ForQuery()));
        Assert.Equal(EmbeddingPurpose.Document, EmbeddingPurpose.Of(EmbeddingPurpose.ForDocument()));
        Assert.Equal(EmbeddingPurpose.Document, EmbeddingPurpose.Of(null));
    }
}
