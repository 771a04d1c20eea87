using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IngestionJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IngestionJobs",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgressDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    Timings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestionJobs", x => x.DocumentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IngestionJobs_State_QueuedAt",
                table: "IngestionJobs",
                columns: new[] { "State", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IngestionJobs");
        }
    }
}
