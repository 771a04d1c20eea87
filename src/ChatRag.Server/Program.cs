using ChatRag.Hosting;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Server.Configuration;
using ChatRag.Server.Endpoints;
using ChatRag.Server.Health;
using ChatRag.Server.OpenApi;
using ChatRag.Server.Security;

var builder = WebApplication.CreateBuilder(args);

// Static web assets (the Blazor client) are only wired by default in Development; this serves them from a plain build
// output in any environment too. A published app has them in wwwroot and no manifest, and then this does nothing.
// appsettings.json turns off ASP.NET's "reload static assets at runtime", which a build manifest switches on: it
// re-sent every framework file whose copy in bin has a newer timestamp than the manifest as an uncompressed "gzip"
// body with caching off (about 23 MiB on every visit instead of 8). The client is never edited in place at runtime.
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.Services.AddChatRag(builder.Configuration);
builder.Services.AddServerBasics(builder.Configuration);
builder.Services.AddChatRagIngestionWorker();
builder.Services.AddChatRagChat(builder.Configuration);
builder.Services.AddChatRateLimiting(builder.Configuration);
builder.Services.AddUploadRateLimiting(builder.Configuration);
builder.Services.AddChatRagAuth(builder.Configuration);
builder.Services.AddChatRagHealthChecks();
builder.Services.AddRuntimeSettings();
builder.Services.AddChatRagOpenApi();
builder.Services.AddOpenAICompatibleErrors();
builder.Services.AddChatRagMcpServer();

var app = builder.Build();
await app.Services.InitializeChatRagAsync();

app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseMiddleware<RequestLimitsMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapChatRagApiReference();
app.MapHealthEndpoints();
app.MapAliveEndpoint();
var api = app.MapApiGroup();
api.MapSearchEndpoints();
api.MapDocumentsEndpoints();
api.MapCollectionsEndpoints();
api.MapChatEndpoints();
api.MapConversationsEndpoints();
api.MapStatusEndpoints();
api.MapSettingsEndpoints();
app.MapOpenAICompatibleEndpoints();
app.MapChatRagMcp();
app.MapWebClient();

app.Run();
