using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneralistischWerkt.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScenariosReflectionsSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SectionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContextKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContextId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedWithId = table.Column<string>(type: "TEXT", nullable: true),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewState = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FeedbackMode = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ScoresJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioAttempts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisorId = table.Column<string>(type: "TEXT", nullable: false),
                    CoachId = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaJson = table.Column<string>(type: "TEXT", nullable: false),
                    NotesTask = table.Column<string>(type: "TEXT", nullable: false),
                    NotesProcess = table.Column<string>(type: "TEXT", nullable: false),
                    NotesPersonal = table.Column<string>(type: "TEXT", nullable: false),
                    NotesMethod = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionSessions_AspNetUsers_CoachId",
                        column: x => x.CoachId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReflectionReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReflectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReaderId = table.Column<string>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectionReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReflectionReads_Reflections_ReflectionId",
                        column: x => x.ReflectionId,
                        principalTable: "Reflections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttemptSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<long>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChoiceIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    ChoiceText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttemptSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttemptSteps_ScenarioAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ScenarioAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReflectionId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttemptId = table.Column<long>(type: "INTEGER", nullable: true),
                    StepIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Reflections_ReflectionId",
                        column: x => x.ReflectionId,
                        principalTable: "Reflections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Comments_ScenarioAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ScenarioAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CoachId = table.Column<string>(type: "TEXT", nullable: false),
                    SupervisorId = table.Column<string>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_SupervisionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SupervisionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CoachId_Status",
                table: "Agreements",
                columns: new[] { "CoachId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SessionId",
                table: "Agreements",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_AttemptSteps_AttemptId_Index",
                table: "AttemptSteps",
                columns: new[] { "AttemptId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AttemptId",
                table: "Comments",
                column: "AttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ReflectionId",
                table: "Comments",
                column: "ReflectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionReads_ReflectionId",
                table: "ReflectionReads",
                column: "ReflectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_AuthorId",
                table: "Reflections",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_SharedWithId",
                table: "Reflections",
                column: "SharedWithId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioAttempts_UserId_ScenarioId",
                table: "ScenarioAttempts",
                columns: new[] { "UserId", "ScenarioId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_CoachId",
                table: "SupervisionSessions",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_SupervisorId_CoachId",
                table: "SupervisionSessions",
                columns: new[] { "SupervisorId", "CoachId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "AttemptSteps");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "ReflectionReads");

            migrationBuilder.DropTable(
                name: "SupervisionSessions");

            migrationBuilder.DropTable(
                name: "ScenarioAttempts");

            migrationBuilder.DropTable(
                name: "Reflections");
        }
    }
}
