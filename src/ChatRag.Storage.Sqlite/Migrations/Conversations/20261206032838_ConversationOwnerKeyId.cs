using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations.Conversations
{
    /// <inheritdoc />
    public partial class ConversationOwnerKeyId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerKeyId",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            // Conversations used to belong to a key *name*. A name that only one key ever had (revoked keys are kept as
            // rows) names that key for sure, so its conversations move to its id. A name shared by several keys is
            // ambiguous, which is the very leak being fixed: those conversations get no owner and stay visible only to
            // full-scope keys. ApiKeys lives in the same database file (the main context migrates first).
            migrationBuilder.Sql(
                """
                UPDATE Conversations
                SET OwnerKeyId = (SELECT k.Id FROM ApiKeys k WHERE k.Name = Conversations.Owner)
                WHERE Owner IS NOT NULL
                  AND (SELECT COUNT(*) FROM ApiKeys k WHERE k.Name = Conversations.Owner) = 1;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Owner_UpdatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_OwnerKeyId_UpdatedAt",
                table: "Conversations",
                columns: new[] { "OwnerKeyId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_OwnerKeyId_UpdatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "OwnerKeyId",
                table: "Conversations");

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Conversations",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Owner_UpdatedAt",
                table: "Conversations",
                columns: new[] { "Owner", "UpdatedAt" });
        }
    }
}
