using ChatRag.Storage.Sqlite.Conversations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations.Conversations
{
    /// <summary>
    /// Collections are rows now, not whatever documents happen to name: a collection that only conversations used (its
    /// last document deleted) gets its row back, so those conversations stay reachable from the collection switcher.
    /// The main context migrates first, so Collections exists here. No model change: the snapshot stays as it was.
    /// </summary>
    [DbContext(typeof(ConversationsDbContext))]
    [Migration("20261206060000_ConversationCollectionRows")]
    public partial class ConversationCollectionRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                INSERT OR IGNORE INTO Collections(Name, CreatedAt)
                SELECT Collection, MIN(CreatedAt) FROM Conversations GROUP BY Collection;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
