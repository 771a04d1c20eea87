using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>Adds the chunk change log the in-memory lexical index follows (no change to the EF model).</summary>
    public partial class LexicalChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The change log and its triggers, written out here (not shared with code) so this migration never changes later.
            migrationBuilder.Sql("""
                CREATE TABLE LexicalChanges (Seq INTEGER PRIMARY KEY AUTOINCREMENT, ChunkId INTEGER NOT NULL);
                CREATE TRIGGER lexical_changes_after_insert AFTER INSERT ON Chunks BEGIN
                    INSERT INTO LexicalChanges(ChunkId) VALUES (new.Id);
                END;
                CREATE TRIGGER lexical_changes_after_delete AFTER DELETE ON Chunks BEGIN
                    INSERT INTO LexicalChanges(ChunkId) VALUES (old.Id);
                END;
                CREATE TRIGGER lexical_changes_after_update AFTER UPDATE OF Text, Collection ON Chunks BEGIN
                    INSERT INTO LexicalChanges(ChunkId) VALUES (new.Id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS lexical_changes_after_update;
                DROP TRIGGER IF EXISTS lexical_changes_after_delete;
                DROP TRIGGER IF EXISTS lexical_changes_after_insert;
                DROP TABLE IF EXISTS LexicalChanges;
                """);
        }
    }
}
