using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Collection = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Collections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Collections", x => x.Id);
                    table.UniqueConstraint("AK_Collections_Name", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ChunkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Collections_Collection",
                        column: x => x.Collection,
                        principalTable: "Collections",
                        principalColumn: "Name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Chunks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Page = table.Column<int>(type: "INTEGER", nullable: true),
                    HeadingPath = table.Column<string>(type: "TEXT", nullable: true),
                    StartOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    EndOffset = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Chunks_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Chunks_Collection",
                table: "Chunks",
                column: "Collection");

            migrationBuilder.CreateIndex(
                name: "IX_Chunks_DocumentId_Ordinal",
                table: "Chunks",
                columns: new[] { "DocumentId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Collections_Name",
                table: "Collections",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Collection_ContentHash",
                table: "Documents",
                columns: new[] { "Collection", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Collection_ExternalId",
                table: "Documents",
                columns: new[] { "Collection", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Status",
                table: "Documents",
                column: "Status");

            // The FTS5 index and its sync triggers are not part of the EF model; the SQL is frozen here like the rest of
            // this migration (see Lexical/FtsSchema.cs for the design). Scope is one exact token per collection.
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS chunks_fts_after_update;
                DROP TRIGGER IF EXISTS chunks_fts_after_delete;
                DROP TRIGGER IF EXISTS chunks_fts_after_insert;
                DROP TABLE IF EXISTS chunks_fts;
                DROP VIEW IF EXISTS chunks_fts_content;
                """);

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Chunks");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Collections");
        }
    }
}
