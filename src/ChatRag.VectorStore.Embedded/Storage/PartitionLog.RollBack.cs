namespace ChatRag.VectorStore.Embedded.Storage;

/// <summary>Undoing a failed append.</summary>
internal sealed partial class PartitionLog
{
    private void RollBack(long committedLength, Exception cause)
    {
        // The failed stream may still buffer part of the append; closing it may write that part or fail again.
        // Either way the file is cut back below, through a fresh handle.
        try
        {
            stream.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Expected when the disk is still full.
        }

        try
        {
            var reopened = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            try
            {
                reopened.SetLength(committedLength);
                reopened.Flush(flushToDisk: true);
            }
            catch
            {
                reopened.Dispose();
                throw;
            }

            stream = reopened;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            brokenAt = committedLength;
            broken = new AggregateException(cause, e);
        }
    }
}
