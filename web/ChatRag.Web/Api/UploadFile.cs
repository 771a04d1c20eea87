namespace ChatRag.Web.Api;

/// <summary>A file picked or dropped in the browser, ready to upload.</summary>
/// <param name="Name">File name.</param>
/// <param name="ContentType">Browser-reported media type (may be empty).</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="OpenRead">Opens the content for reading.</param>
public sealed record UploadFile(string Name, string ContentType, long Size, Func<Stream> OpenRead);
