using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Collections become objects people manage: a display name (renames change only it, the name stays the key every
    /// document, chunk, vector and conversation refers to) and a description. Collections used only by conversations
    /// get their rows in the conversations migrations, which run after this one.
    /// </summary>
    public partial class CollectionDisplayName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "Collections",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Collections",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Every document already has its row (a foreign key), but a row may be missing for names written before it was enforced.
            migrationBuilder.Sql(
                """
                INSERT OR IGNORE INTO Collections(Name, CreatedAt)
                SELECT Collection, MIN(CreatedAt) FROM Documents GROUP BY Collection;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "DisplayName", table: "Collections");
            migrationBuilder.DropColumn(name: "Description", table: "Collections");
        }
    }
}
