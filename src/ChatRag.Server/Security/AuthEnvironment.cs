using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChatRag.Server.Security;

/// <summary>
/// What the host's own configuration says about exposure, read once at start-up: whether the process runs in a
/// container (<c>DOTNET_RUNNING_IN_CONTAINER</c>, set by the official .NET images) and whether the URLs it will listen
/// on reach beyond loopback. Without any URL setting ASP.NET Core listens on <c>http://localhost:5000</c>, which is loopback.
/// </summary>
public sealed record AuthEnvironment(bool InContainer, bool ListensBeyondLoopback)
{
    /// <summary>Reads the facts from the host configuration (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>).</summary>
    public static AuthEnvironment From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var inContainer = string.Equals(configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase);
        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();

        // HTTP_PORTS / HTTPS_PORTS bind every interface; they apply only when no URL is set.
        var ports = !string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]);
        var beyond = urls.Exists(u => !IsLoopback(u)) || (urls.Count == 0 && ports);
        return new AuthEnvironment(inContainer, beyond);
    }

    /// <summary>Whether a listen URL names only loopback (<c>localhost</c>, <c>127.x.x.x</c>, <c>[::1]</c>); <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and names do not.</summary>
    public static bool IsLoopback(string url)
    {
        try
        {
            var host = BindingAddress.Parse(url).Host;
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
