using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>Adds the fencing token of ingestion claims: a run's writes count only while its claim is current.</summary>
    public partial class IngestionClaimToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimToken",
                table: "IngestionJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "IngestionJobs");
        }
    }
}
