using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnswerTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerPairTallies",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupQuestion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GroupOption = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NeedQuestion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NeedOption = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerPairTallies", x => new { x.CampaignId, x.QuestionnaireId, x.GroupQuestion, x.GroupOption, x.NeedQuestion, x.NeedOption });
                    table.ForeignKey(
                        name: "FK_AnswerPairTallies_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnswerTallies",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OptionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    NumberSum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerTallies", x => new { x.CampaignId, x.CommunityId, x.QuestionnaireId, x.QuestionCode, x.OptionCode });
                    table.ForeignKey(
                        name: "FK_AnswerTallies_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerPairTallies");

            migrationBuilder.DropTable(
                name: "AnswerTallies");
        }
    }
}
