using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Running sums for the BM25F re-scoring's collection statistics, so a search after an index change no longer scans
    /// <c>Chunks</c>: <c>Chunks.BodyTerms</c> (how many of a chunk's stored lexical terms are not its first line's,
    /// computed at analysis time next to <c>TitleTerms</c>; null until derived, and the start-up backfill
    /// <c>LexicalBackfill</c> derives it for older chunks from their stored terms), and the table
    /// <c>LexicalStatistics</c>, one row per collection holding its chunk count and title and body term sums, which
    /// triggers on <c>Chunks</c> keep current in the writer's transaction (cascade deletes included). Only the lexical
    /// SQL reads and writes them, like <c>LexicalChanges</c>, so the EF model does not change (no snapshot or target model).
    /// </summary>
    [DbContext(typeof(ChatRagDbContext))]
    [Migration("20261206140000_LexicalStatistics")]
    public partial class LexicalStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Frozen SQL, as in the earlier lexical migrations. A null count adds 0 until the backfill sets it, which the
            // update trigger then adds; a collection's row goes when its last chunk does.
            migrationBuilder.Sql("""
                ALTER TABLE Chunks ADD COLUMN BodyTerms INTEGER NULL;
                CREATE TABLE LexicalStatistics (
                    Collection TEXT NOT NULL PRIMARY KEY,
                    Chunks INTEGER NOT NULL,
                    TitleTerms INTEGER NOT NULL,
                    BodyTerms INTEGER NOT NULL);
                INSERT INTO LexicalStatistics(Collection, Chunks, TitleTerms, BodyTerms)
                    SELECT Collection, COUNT(*), SUM(COALESCE(TitleTerms, 0)), 0 FROM Chunks GROUP BY Collection;
                CREATE TRIGGER lexical_statistics_after_insert AFTER INSERT ON Chunks BEGIN
                    INSERT INTO LexicalStatistics(Collection, Chunks, TitleTerms, BodyTerms)
                        VALUES (new.Collection, 1, COALESCE(new.TitleTerms, 0), COALESCE(new.BodyTerms, 0))
                        ON CONFLICT(Collection) DO UPDATE SET Chunks = Chunks + 1,
                            TitleTerms = TitleTerms + excluded.TitleTerms, BodyTerms = BodyTerms + excluded.BodyTerms;
                END;
                CREATE TRIGGER lexical_statistics_after_delete AFTER DELETE ON Chunks BEGIN
                    UPDATE LexicalStatistics SET Chunks = Chunks - 1,
                        TitleTerms = TitleTerms - COALESCE(old.TitleTerms, 0), BodyTerms = BodyTerms - COALESCE(old.BodyTerms, 0)
                        WHERE Collection = old.Collection;
                    DELETE FROM LexicalStatistics WHERE Collection = old.Collection AND Chunks <= 0;
                END;
                CREATE TRIGGER lexical_statistics_after_update AFTER UPDATE OF Collection, TitleTerms, BodyTerms ON Chunks BEGIN
                    UPDATE LexicalStatistics SET Chunks = Chunks - 1,
                        TitleTerms = TitleTerms - COALESCE(old.TitleTerms, 0), BodyTerms = BodyTerms - COALESCE(old.BodyTerms, 0)
                        WHERE Collection = old.Collection;
                    DELETE FROM LexicalStatistics WHERE Collection = old.Collection AND Chunks <= 0;
                    INSERT INTO LexicalStatistics(Collection, Chunks, TitleTerms, BodyTerms)
                        VALUES (new.Collection, 1, COALESCE(new.TitleTerms, 0), COALESCE(new.BodyTerms, 0))
                        ON CONFLICT(Collection) DO UPDATE SET Chunks = Chunks + 1,
                            TitleTerms = TitleTerms + excluded.TitleTerms, BodyTerms = BodyTerms + excluded.BodyTerms;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS lexical_statistics_after_update;
                DROP TRIGGER IF EXISTS lexical_statistics_after_delete;
                DROP TRIGGER IF EXISTS lexical_statistics_after_insert;
                DROP TABLE IF EXISTS LexicalStatistics;
                ALTER TABLE Chunks DROP COLUMN BodyTerms;
                """);
        }
    }
}
