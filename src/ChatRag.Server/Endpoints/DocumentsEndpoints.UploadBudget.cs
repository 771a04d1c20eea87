namespace ChatRag.Server.Endpoints;

/// <content>The total byte budget of one upload request, counted as the file bytes arrive.</content>
public static partial class DocumentsEndpoints
{
    private sealed class UploadBudget(long maxBytes)
    {
        private long used;

        public Stream Wrap(Stream inner) => new CountingStream(inner, this);

        private void Add(int bytes)
        {
            used += bytes;
            if (used > maxBytes)
            {
                throw new ExceededException();
            }
        }

        /// <summary>Thrown mid-copy so the uploader deletes its partial file and the request stops reading.</summary>
        public sealed class ExceededException : Exception
        {
        }

        private sealed class CountingStream(Stream inner, UploadBudget budget) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            private int Counted(int read)
            {
                budget.Add(read);
                return read;
            }
        }
    }
}
