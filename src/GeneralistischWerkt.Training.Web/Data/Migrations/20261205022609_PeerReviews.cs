using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneralistischWerkt.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeerReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "SessionId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "PeerReviewId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PeerReviewContributions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CoreAttitudeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Parked = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviewContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviewContributions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviewContributions_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    LiveSessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    MethodId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseOwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    CaseDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CaseQuestion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CaseDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseKept = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttachedReflectionId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttachedAttemptId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SummarySharedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.LiveSessionId);
                    table.ForeignKey(
                        name: "FK_PeerReviews_AspNetUsers_CaseOwnerId",
                        column: x => x.CaseOwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviews_LiveSessions_LiveSessionId",
                        column: x => x.LiveSessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviews_Reflections_AttachedReflectionId",
                        column: x => x.AttachedReflectionId,
                        principalTable: "Reflections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PeerReviews_ScenarioAttempts_AttachedAttemptId",
                        column: x => x.AttachedAttemptId,
                        principalTable: "ScenarioAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PeerReviewId",
                table: "Agreements",
                column: "PeerReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewContributions_AuthorId",
                table: "PeerReviewContributions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewContributions_SessionId_PhaseIndex",
                table: "PeerReviewContributions",
                columns: new[] { "SessionId", "PhaseIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_AttachedAttemptId",
                table: "PeerReviews",
                column: "AttachedAttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_AttachedReflectionId",
                table: "PeerReviews",
                column: "AttachedReflectionId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_CaseOwnerId",
                table: "PeerReviews",
                column: "CaseOwnerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_LiveSessions_PeerReviewId",
                table: "Agreements",
                column: "PeerReviewId",
                principalTable: "LiveSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_LiveSessions_PeerReviewId",
                table: "Agreements");

            migrationBuilder.DropTable(
                name: "PeerReviewContributions");

            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_PeerReviewId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "PeerReviewId",
                table: "Agreements");

            migrationBuilder.AlterColumn<long>(
                name: "SessionId",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
