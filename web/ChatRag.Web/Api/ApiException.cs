namespace ChatRag.Web.Api;

/// <summary>A failed API call, carrying the server's problem details so the page can show a readable message.</summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception from a problem details body.</summary>
    public ApiException(ApiProblem problem)
        : base(Describe(problem))
    {
        Problem = problem;
    }

    /// <summary>Creates an exception with a plain message (no response from the server).</summary>
    public ApiException(string message)
        : this(new ApiProblem(null, message, null))
    {
    }

    /// <summary>Creates an exception with a plain message and its cause.</summary>
    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new ApiProblem(null, message, null);
    }

    /// <summary>Creates an exception with no details.</summary>
    public ApiException()
        : this("The request failed.")
    {
    }

    /// <summary>The server's problem details (or a client-made one when the server did not answer).</summary>
    public ApiProblem Problem { get; }

    /// <summary>True for 401/403: the API key is missing, wrong or scoped to another collection.</summary>
    public bool IsAuthorization => Problem.Status is 401 or 403;

    private static string Describe(ApiProblem problem) =>
        string.Join(": ", new[] { problem.Title, problem.Detail }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } text
            ? text
            : $"The server answered {problem.Status}.";
}
