namespace ChatRag.Server;

/// <summary>A type in the server assembly for <c>WebApplicationFactory&lt;ServerMarker&gt;</c> (Program lives in the global namespace).</summary>
public sealed class ServerMarker;
