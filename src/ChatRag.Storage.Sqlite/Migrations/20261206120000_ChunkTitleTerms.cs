using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>
    /// How many of a chunk's stored lexical terms come from its first line (heading path or title), for the BM25F
    /// re-scoring's title field. Null until derived: the start-up backfill (<c>LexicalBackfill</c>) re-derives it from
    /// each existing chunk's text. Only the lexical SQL reads and writes it, like <c>LexicalChanges</c>, so the EF model
    /// does not change (no snapshot or target model).
    /// </summary>
    [DbContext(typeof(ChatRagDbContext))]
    [Migration("20261206120000_ChunkTitleTerms")]
    public partial class ChunkTitleTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE Chunks ADD COLUMN TitleTerms INTEGER NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE Chunks DROP COLUMN TitleTerms;");
        }
    }
}
