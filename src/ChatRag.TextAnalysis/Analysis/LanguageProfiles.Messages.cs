using System.Collections.Frozen;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>What the product says in each language: a user who asks in French is told in French.</summary>
public static partial class LanguageProfiles
{
    // One row per language of All (a test checks that none is missing).
    private static readonly FrozenDictionary<string, string> NotFoundMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "I could not find an answer to this question in your documents.",
        ["fr"] = "Je n'ai rien trouvé dans vos documents qui réponde à cette question.",
        ["de"] = "Ich habe in Ihren Dokumenten keine Antwort auf diese Frage gefunden.",
        ["es"] = "No he encontrado en sus documentos ninguna respuesta a esta pregunta.",
        ["it"] = "Non ho trovato nei tuoi documenti una risposta a questa domanda.",
        ["pt"] = "Não encontrei nos seus documentos uma resposta a esta pergunta.",
        ["nl"] = "Ik heb in uw documenten geen antwoord op deze vraag gevonden.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The statement that the documents do not answer a question, in <paramref name="language"/> (the question's), or
    /// in the default language when it is null or has no row.
    /// </summary>
    public static string NotFoundMessage(string? language) =>
        language is not null && NotFoundMessages.TryGetValue(language, out var message) ? message : NotFoundMessages[Default];
}
