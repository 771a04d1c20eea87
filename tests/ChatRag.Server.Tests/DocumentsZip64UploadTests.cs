using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace ChatRag.Server.Tests;

/// <summary>
/// A malformed ZIP64 record (directory offset near <see cref="long.MaxValue"/>, entry count -1) once overflowed while
/// the upload was sniffed and turned the whole multi-file request into a 500; it must refuse that one file only.
/// </summary>
public sealed class DocumentsZip64UploadTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData(long.MaxValue - 10, null)]
    [InlineData(null, -1L)]
    public async Task Malformed_zip64_file_is_refused_alone_and_the_other_files_are_kept(long? zip64EndOffset, long? entryCount)
    {
        var uploaded = await DocumentsApi.UploadOkAsync(
            client,
            "zip64",
            ("before.txt", DocumentsApi.Text($"A file sent before the broken archive {zip64EndOffset}{entryCount}.")),
            ("broken.docx", MalformedZip64(zip64EndOffset, entryCount)),
            ("after.txt", DocumentsApi.Text($"A file sent after the broken archive {zip64EndOffset}{entryCount}.")));

        Assert.Equal(3, uploaded.Count);
        Assert.Equal("rejected", uploaded[1].Status);
        Assert.InRange(uploaded[1].StatusCode ?? 0, 400, 499);
        Assert.Contains("zip directory", uploaded[1].Error, StringComparison.Ordinal);
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, uploaded[0].Id)).Status);
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, uploaded[2].Id)).Status);
    }

    [Fact]
    public async Task Malformed_zip64_file_alone_is_a_client_error()
    {
        var response = await DocumentsApi.UploadAsync(client, "zip64", ("broken.docx", MalformedZip64(long.MaxValue - 10, null)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A small Word-looking zip whose end record defers to a ZIP64 record placed or filled with hostile values.</summary>
    private static byte[] MalformedZip64(long? zip64EndOffset, long? entryCount)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        var bytes = stream.ToArray();
        var eocd = bytes.Length - 22;
        var record = new byte[56 + 20 + 22];
        var end = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(end[32..], entryCount ?? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(eocd + 10)));
        BinaryPrimitives.WriteInt64LittleEndian(end[40..], BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(eocd + 12)));
        BinaryPrimitives.WriteInt64LittleEndian(end[48..], BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(eocd + 16)));
        BinaryPrimitives.WriteUInt32LittleEndian(end[56..], 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(end[64..], zip64EndOffset ?? eocd);
        bytes.AsSpan(eocd, 22).CopyTo(end[76..]);
        BinaryPrimitives.WriteUInt16LittleEndian(end[84..], 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(end[86..], 0xFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(end[88..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(end[92..], 0xFFFFFFFF);
        return [.. bytes.AsSpan(0, eocd), .. record];
    }
}
