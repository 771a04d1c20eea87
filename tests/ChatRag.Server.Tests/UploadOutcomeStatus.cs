namespace ChatRag.Server.Tests;

internal static class UploadOutcomeStatus
{
    public const string Duplicate = "duplicate";
}
