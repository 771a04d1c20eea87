using ChatRag.VectorStore.Embedded.Storage;

namespace ChatRag.VectorStore.Embedded.Tests;

/// <summary>A journal append that fails part-way (disk full) must not leave a torn record in front of later appends.</summary>
public sealed class JournalWriteFailureTests : IDisposable
{
    private const int Dimensions = 8;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_failed_append_is_rolled_back_so_later_appends_survive_a_reopen()
    {
        var path = Path.Combine(directory.Path, "a.log");
        using (var log = PartitionLog.Create(path, Dimensions, "a", durable: false))
        {
            log.AppendUpsert(1, Guid.NewGuid(), Vector(1));
            log.Commit();

            // The disk fills up half-way through the next append.
            log.AppendThrough = inner => new FailingStream(inner);
            log.AppendUpsert(2, Guid.NewGuid(), Vector(2));
            Assert.Throws<IOException>(log.Commit);

            // Space again: the failed record is written with the next commit, after the last good byte.
            log.AppendThrough = null;
            log.AppendUpsert(3, Guid.NewGuid(), Vector(3));
            log.AppendDelete(1);
            log.Commit();
        }

        var replayed = new List<(bool Deleted, long ChunkId)>();
        using var reopened = PartitionLog.Open(path, Dimensions, durable: false, (in LogEntry e) => replayed.Add((e.IsDelete, e.ChunkId)), out var truncated);

        Assert.Equal(0, truncated);
        Assert.Equal([(false, 1L), (false, 2L), (false, 3L), (true, 1L)], replayed);
    }

    [Fact]
    public void When_the_roll_back_fails_too_the_journal_refuses_appends_until_reopened()
    {
        var path = Path.Combine(directory.Path, "b.log");
        using var log = PartitionLog.Create(path, Dimensions, "b", durable: false);
        log.AppendUpsert(1, Guid.NewGuid(), Vector(1));
        log.Commit();

        // The file vanishes with the failed write, so it cannot be cut back.
        log.AppendThrough = inner => new FailingStream(inner, () => File.Delete(path));
        log.AppendUpsert(2, Guid.NewGuid(), Vector(2));
        Assert.Throws<IOException>(log.Commit);

        log.AppendThrough = null;
        log.AppendUpsert(3, Guid.NewGuid(), Vector(3));
        var refused = Assert.Throws<IOException>(log.Commit);
        Assert.Contains("reopen", refused.Message, StringComparison.Ordinal);
    }

    private static float[] Vector(int seed) => [.. Enumerable.Range(0, Dimensions).Select(i => (float)(seed + i))];

    /// <summary>Passes half of a write through, then fails as a full disk would.</summary>
    private sealed class FailingStream(Stream inner, Action? alongside = null) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer[..(buffer.Length / 2)]);
            inner.Flush();
            alongside?.Invoke();
            throw new IOException("No space left on device");
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);
    }
}
