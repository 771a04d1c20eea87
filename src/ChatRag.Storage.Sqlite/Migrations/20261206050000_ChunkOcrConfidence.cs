using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>Adds the mean OCR confidence of chunks read from scans and images; null for text-layer chunks.</summary>
    public partial class ChunkOcrConfidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "OcrConfidence",
                table: "Chunks",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OcrConfidence",
                table: "Chunks");
        }
    }
}
