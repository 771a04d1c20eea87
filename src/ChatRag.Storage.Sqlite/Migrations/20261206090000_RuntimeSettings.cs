using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatRag.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Settings an operator changes from the Settings page (the default decoder, the retrieval depth): one row per
    /// setting, so a new setting needs no migration. Configuration stays the default; a row overrides it.
    /// </summary>
    public partial class RuntimeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RuntimeSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuntimeSettings", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "RuntimeSettings");
        }
    }
}
