using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChatRag.Server.Errors;

/// <summary>Turns the engine's exceptions into RFC 7807 problem details with the right status; anything else is a 500 without internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            QueryRejectedException e => (StatusCodes.Status400BadRequest, "Invalid request", e.Message),
            UnknownCollectionException e => (StatusCodes.Status404NotFound, "Unknown collection", e.Message),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request", e.Message),
            VectorSpaceMismatchException e => (StatusCodes.Status503ServiceUnavailable, "Index needs attention", e.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request; the error has been logged."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
