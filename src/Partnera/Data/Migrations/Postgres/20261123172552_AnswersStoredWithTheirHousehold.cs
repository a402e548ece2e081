using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnswersStoredWithTheirHousehold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "HouseholdResponses",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            // Every household keeps all its answers.
            migrationBuilder.Sql("""
                UPDATE "HouseholdResponses" r SET "Answers" = a.answers
                FROM (SELECT "ResponseId", json_agg(json_strip_nulls(json_build_object('q', "QuestionCode", 'o', "OptionCode", 'n', "Number", 't', "Text", 'd', "Date")) ORDER BY "Id")::text AS answers
                      FROM "Answers" GROUP BY "ResponseId") a
                WHERE a."ResponseId" = r."Id";
                """);

            migrationBuilder.DropTable(
                name: "Answers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Answers",
                table: "HouseholdResponses");

            migrationBuilder.CreateTable(
                name: "Answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Number = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    OptionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    QuestionCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
        }
    }
}
