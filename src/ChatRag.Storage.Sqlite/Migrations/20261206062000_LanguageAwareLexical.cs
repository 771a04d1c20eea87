using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Language-aware lexical search: each chunk's language and analysed terms, and an FTS5 table over those terms
    /// instead of the chunk text (the analysis, per language, happens in the application). Existing chunks start with
    /// null terms and are re-analysed by <c>LexicalBackfill</c> at start-up, in committed batches, so an upgrade resumes
    /// where it stopped.
    /// </summary>
    public partial class LanguageAwareLexical : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Chunks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LexicalTerms",
                table: "Chunks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Chunks_Collection_Language",
                table: "Chunks",
                columns: new[] { "Collection", "Language" });

            // Frozen SQL, as in InitialCreate. The terms are already lower-cased, stemmed, folded and tagged with their
            // language (fr_cheval): unicode61 only splits them at spaces (and folds what Lucene's ASCII folding leaves,
            // such as Greek accents); '_' is a token character so the tag stays on its term.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS chunks_fts_after_update;
                DROP TRIGGER IF EXISTS chunks_fts_after_delete;
                DROP TRIGGER IF EXISTS chunks_fts_after_insert;
                DROP TABLE IF EXISTS chunks_fts;
                DROP VIEW IF EXISTS chunks_fts_content;
                CREATE VIEW chunks_fts_content AS
                    SELECT Id, LexicalTerms AS Text, 'k' || hex(Collection) || '0' AS Scope FROM Chunks;
                CREATE VIRTUAL TABLE chunks_fts USING fts5(
                    Text, Scope, content='chunks_fts_content', content_rowid='Id',
                    tokenize="unicode61 remove_diacritics 2 tokenchars '_'");
                CREATE TRIGGER chunks_fts_after_insert AFTER INSERT ON Chunks BEGIN
                    INSERT INTO chunks_fts(rowid, Text, Scope) VALUES (new.Id, new.LexicalTerms, 'k' || hex(new.Collection) || '0');
                END;
                CREATE TRIGGER chunks_fts_after_delete AFTER DELETE ON Chunks BEGIN
                    INSERT INTO chunks_fts(chunks_fts, rowid, Text, Scope) VALUES ('delete', old.Id, old.LexicalTerms, 'k' || hex(old.Collection) || '0');
                END;
                CREATE TRIGGER chunks_fts_after_update AFTER UPDATE OF LexicalTerms, Collection ON Chunks BEGIN
                    INSERT INTO chunks_fts(chunks_fts, rowid, Text, Scope) VALUES ('delete', old.Id, old.LexicalTerms, 'k' || hex(old.Collection) || '0');
                    INSERT INTO chunks_fts(rowid, Text, Scope) VALUES (new.Id, new.LexicalTerms, 'k' || hex(new.Collection) || '0');
                END;
                INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild');
                DROP TRIGGER IF EXISTS lexical_changes_after_update;
                CREATE TRIGGER lexical_changes_after_update AFTER UPDATE OF Text, Collection, LexicalTerms ON Chunks BEGIN
                    INSERT INTO LexicalChanges(ChunkId) VALUES (new.Id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS lexical_changes_after_update;
                CREATE TRIGGER lexical_changes_after_update AFTER UPDATE OF Text, Collection ON Chunks BEGIN
                    INSERT INTO LexicalChanges(ChunkId) VALUES (new.Id);
                END;
                DROP TRIGGER IF EXISTS chunks_fts_after_update;
                DROP TRIGGER IF EXISTS chunks_fts_after_delete;
                DROP TRIGGER IF EXISTS chunks_fts_after_insert;
                DROP TABLE IF EXISTS chunks_fts;
                DROP VIEW IF EXISTS chunks_fts_content;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Chunks_Collection_Language",
                table: "Chunks");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Chunks");

            migrationBuilder.DropColumn(
                name: "LexicalTerms",
                table: "Chunks");

            migrationBuilder.Sql("""
                CREATE VIEW chunks_fts_content AS
                    SELECT Id, Text, 'k' || hex(Collection) || '0' AS Scope FROM Chunks;
                CREATE VIRTUAL TABLE chunks_fts USING fts5(
                    Text, Scope, content='chunks_fts_content', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                CREATE TRIGGER chunks_fts_after_insert AFTER INSERT ON Chunks BEGIN
                    INSERT INTO chunks_fts(rowid, Text, Scope) VALUES (new.Id, new.Text, 'k' || hex(new.Collection) || '0');
                END;
                CREATE TRIGGER chunks_fts_after_delete AFTER DELETE ON Chunks BEGIN
                    INSERT INTO chunks_fts(chunks_fts, rowid, Text, Scope) VALUES ('delete', old.Id, old.Text, 'k' || hex(old.Collection) || '0');
                END;
                CREATE TRIGGER chunks_fts_after_update AFTER UPDATE OF Text, Collection ON Chunks BEGIN
                    INSERT INTO chunks_fts(chunks_fts, rowid, Text, Scope) VALUES ('delete', old.Id, old.Text, 'k' || hex(old.Collection) || '0');
                    INSERT INTO chunks_fts(rowid, Text, Scope) VALUES (new.Id, new.Text, 'k' || hex(new.Collection) || '0');
                END;
                INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild');
                """);
        }
    }
}
