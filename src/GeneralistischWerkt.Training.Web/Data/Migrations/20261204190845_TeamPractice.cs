using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneralistischWerkt.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeSessions",
                columns: table => new
                {
                    LiveSessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeSessions", x => x.LiveSessionId);
                    table.ForeignKey(
                        name: "FK_PracticeSessions_LiveSessions_LiveSessionId",
                        column: x => x.LiveSessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChoiceIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    ChoiceText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeSteps_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeTicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Seen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeTicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeTicks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PracticeTicks_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    StepIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ChoiceIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeVotes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PracticeVotes_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeSteps_SessionId_Index",
                table: "PracticeSteps",
                columns: new[] { "SessionId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeTicks_SessionId_UserId_ItemId",
                table: "PracticeTicks",
                columns: new[] { "SessionId", "UserId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeTicks_UserId",
                table: "PracticeTicks",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeVotes_SessionId_StepIndex_UserId",
                table: "PracticeVotes",
                columns: new[] { "SessionId", "StepIndex", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeVotes_UserId",
                table: "PracticeVotes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeSessions");

            migrationBuilder.DropTable(
                name: "PracticeSteps");

            migrationBuilder.DropTable(
                name: "PracticeTicks");

            migrationBuilder.DropTable(
                name: "PracticeVotes");
        }
    }
}
