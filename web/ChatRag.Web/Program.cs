using ChatRag.Web;
using ChatRag.Web.Api;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The client is served by the API host, so the API lives at the page's own origin.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<IBrowserStorage, LocalBrowserStorage>();
builder.Services.AddScoped<IChatRagApi, ChatRagApiClient>();
builder.Services.AddScoped<IFileOpener, BrowserFileOpener>();
builder.Services.AddScoped<AppState>();

await builder.Build().RunAsync();
