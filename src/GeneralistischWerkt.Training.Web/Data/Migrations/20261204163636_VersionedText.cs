using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneralistischWerkt.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VersionedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SupervisionSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Reflections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "SupervisionSessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Reflections");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Agreements");
        }
    }
}
