using ChatRag.Ingestion.Detection;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Tests.Detection;

/// <summary>Image formats are recognised from their bytes and sized from their headers, without decoding.</summary>
public sealed class ImageHeaderTests
{
    [Fact]
    public void Jpeg_size_comes_from_its_frame_header_after_other_segments()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x01, 0x01, 0x11, 0x00];

        Assert.Equal(DocumentKind.Jpeg, ContentSniffer.Detect(jpeg, "photo.png", new IngestionLimitsOptions()).Kind);
        Assert.Equal([(600L, 300L)], ImageHeader.Frames(jpeg, DocumentKind.Jpeg, 10));
    }

    [Fact]
    public void WebP_extended_header_gives_its_canvas_size()
    {
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0x1F, 0x03, 0x00, 0xDF, 0x01, 0x00];

        Assert.Equal(DocumentKind.WebP, ImageHeader.Sniff(webp));
        Assert.Equal([(800L, 480L)], ImageHeader.Frames(webp, DocumentKind.WebP, 10));
    }

    [Fact]
    public void Tiff_whose_directories_loop_is_damaged_not_endless()
    {
        // One directory that names itself as the next one.
        byte[] tiff = [.. "II*\0"u8, 8, 0, 0, 0, 2, 0, 0x00, 0x01, 4, 0, 1, 0, 0, 0, 10, 0, 0, 0, 0x01, 0x01, 4, 0, 1, 0, 0, 0, 10, 0, 0, 0, 8, 0, 0, 0];

        Assert.Throws<InvalidDataException>(() => ImageHeader.Frames(tiff, DocumentKind.Tiff, 100));
    }
}
