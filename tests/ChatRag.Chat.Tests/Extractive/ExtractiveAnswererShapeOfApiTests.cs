using System.Reflection;
using ChatRag.Chat.Extractive;

namespace ChatRag.Chat.Tests.Extractive;

/// <summary>Ranking may embed (an encoder call): no public entry point of the answerer blocks a thread on it.</summary>
public sealed class ExtractiveAnswererShapeOfApiTests
{
    [Fact]
    public void Every_public_method_that_takes_a_question_and_sources_is_asynchronous()
    {
        var ranking = typeof(ExtractiveAnswerer).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(IReadOnlyList<ChatRag.Core.Retrieval.RetrievedChunk>))
                && m.GetParameters().Any(p => p.ParameterType == typeof(string)))
            .ToList();

        Assert.NotEmpty(ranking);
        Assert.All(ranking, m => Assert.True(typeof(Task).IsAssignableFrom(m.ReturnType), $"{m.Name} returns {m.ReturnType.Name}"));
    }
}
