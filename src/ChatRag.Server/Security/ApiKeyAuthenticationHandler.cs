using System.Security.Claims;
using System.Text.Encodings.Web;
using ChatRag.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c>, or <c>Authorization: Bearer</c> (what OpenAI clients send): a valid key becomes a
/// principal with its id, name and collection scope as claims.
/// Without a header the caller is anonymous with full scope in <see cref="AuthMode.Anonymous"/>, and unauthenticated
/// (401) in <see cref="AuthMode.ApiKeys"/>. A key that is presented must be valid in either mode, so a revoked key is
/// never silently treated as anonymous. The one exception is a Bearer value in anonymous mode: OpenAI SDKs cannot send
/// no key, so a placeholder there is read as no key, which grants nothing a caller without a header does not have.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    AuthModeResolver modes,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string CreateKeyHint =
        "No API key exists yet, so the API is closed. Create one against the server's data directory with 'chatrag keys create NAME' " +
        "(from a source checkout: 'dotnet run --project src/ChatRag.Cli -- keys create NAME --data <data directory>'; " +
        "in the container: 'docker compose exec chatrag dotnet chatrag.dll keys create NAME'; add --collection C to limit it to one collection), " +
        "then send it in the X-Api-Key header or save it under Settings in the web client. " +
        "To run without keys on purpose, set ChatRag:Auth:Mode=Anonymous.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (presented is null)
        {
            return await modes.CurrentAsync(Context.RequestAborted) == AuthMode.Anonymous
                ? Success(new ClaimsIdentity([new Claim(ApiKeyClaims.Anonymous, "true")], nameof(AuthMode.Anonymous)))
                : AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(presented, Context.RequestAborted);
        if (key is null && PresentedHeader() is null && await modes.CurrentAsync(Context.RequestAborted) == AuthMode.Anonymous)
        {
            return Success(new ClaimsIdentity([new Claim(ApiKeyClaims.Anonymous, "true")], nameof(AuthMode.Anonymous)));
        }

        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        List<Claim> claims = [new(ApiKeyClaims.KeyId, key.Id.ToString()), new(ClaimTypes.Name, key.Name)];
        if (key.Collection is { } collection)
        {
            claims.Add(new Claim(ApiKeyClaims.Collection, collection));
        }

        return Success(new ClaimsIdentity(claims, ApiKeyClaims.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Presented() is not null ? "The API key is not valid or has been revoked."
            : await modes.AnyKeyCreatedAsync(Context.RequestAborted) ? $"Send a valid key in the {ApiKeyClaims.HeaderName} header (or as Authorization: Bearer)."
            : CreateKeyHint;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyClaims.HeaderName} realm=\"ChatRag\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "API key required", Detail = detail },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = "This API key may not do this." },
        });
    }

    /// <summary>The key from <c>X-Api-Key</c>, else from <c>Authorization: Bearer</c>; X-Api-Key wins when both are sent.</summary>
    private string? Presented() => PresentedHeader() ?? PresentedBearer();

    private string? PresentedHeader() => Request.Headers[ApiKeyClaims.HeaderName].ToString() is { Length: > 0 } value ? value : null;

    private string? PresentedBearer()
    {
        const string Bearer = "Bearer ";
        var value = Request.Headers.Authorization.ToString();
        return value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && value[Bearer.Length..].Trim() is { Length: > 0 } key ? key : null;
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
}
