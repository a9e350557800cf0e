using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeneralistischWerkt.Training.Web.Data.PostgresMigrations
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
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "PeerReviewId",
                table: "Agreements",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PeerReviewContributions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    PhaseIndex = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CoreAttitudeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Helpful = table.Column<bool>(type: "boolean", nullable: false),
                    Parked = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    LiveSessionId = table.Column<long>(type: "bigint", nullable: false),
                    MethodId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CaseOwnerId = table.Column<string>(type: "text", nullable: false),
                    CaseDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CaseQuestion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CaseDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CaseKept = table.Column<bool>(type: "boolean", nullable: false),
                    AttachedReflectionId = table.Column<long>(type: "bigint", nullable: true),
                    AttachedAttemptId = table.Column<long>(type: "bigint", nullable: true),
                    AttachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SummarySharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
