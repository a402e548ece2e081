using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HouseholdAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HouseholdResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdResponses_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdResponses_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HouseholdResponses_Territories_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OptionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Answers_HouseholdResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "HouseholdResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_ResponseId_QuestionCode",
                table: "Answers",
                columns: new[] { "ResponseId", "QuestionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdResponses_CampaignId_CommunityId",
                table: "HouseholdResponses",
                columns: new[] { "CampaignId", "CommunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdResponses_CommunityId",
                table: "HouseholdResponses",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdResponses_QuestionnaireId",
                table: "HouseholdResponses",
                column: "QuestionnaireId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Answers");

            migrationBuilder.DropTable(
                name: "HouseholdResponses");
        }
    }
}
