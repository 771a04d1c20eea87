using ChatRag.Chat.Decoders;
using ChatRag.Chat.Orchestration;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using Microsoft.AspNetCore.Mvc;

namespace ChatRag.Server.Errors;

/// <summary>
/// The one table from the engine's exceptions to problem details, used for plain responses and for the SSE
/// <c>error</c> event alike, so a failure reads the same whether or not the answer was streaming.
/// </summary>
internal static class ProblemMapping
{
    /// <summary>Status and texts for <paramref name="exception"/>; server errors never carry internal messages.</summary>
    public static ProblemDetails For(Exception exception, bool clientAborted)
    {
        var (status, title, detail) = exception switch
        {
            QueryRejectedException e => (StatusCodes.Status400BadRequest, "Invalid request", e.Message),
            PromptTooLongException e => (StatusCodes.Status400BadRequest, "Message too long for the model", e.Message),
            UnknownDecoderException e => (StatusCodes.Status400BadRequest, "Unknown model", e.Message),
            UnknownCollectionException e => (StatusCodes.Status404NotFound, "Unknown collection", e.Message),
            UnknownDocumentException e => (StatusCodes.Status404NotFound, "Unknown document", e.Message),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request", e.Message),
            VectorSpaceMismatchException e => (StatusCodes.Status503ServiceUnavailable, "Index needs attention", e.Message),
            OperationCanceledException when clientAborted => (499, "Client closed request", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request; the error has been logged."),
        };
        return new ProblemDetails { Status = status, Title = title, Detail = detail };
    }
}
