using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations.Conversations
{
    /// <summary>
    /// A conversation can be scoped to chosen documents: their ids as a JSON array, null for the whole collection
    /// (every existing conversation), so follow-up turns search the same documents as the first one.
    /// </summary>
    public partial class ConversationDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentIds",
                table: "Conversations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentIds",
                table: "Conversations");
        }
    }
}
