using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Every household keeps all its answers (json_patch drops the empty keys).
            migrationBuilder.Sql("""
                UPDATE "HouseholdResponses" SET "Answers" = COALESCE((
                    SELECT json_group_array(json_patch('{}', json_object('q', "QuestionCode", 'o', "OptionCode", 'n', json("Number"), 't', "Text", 'd', "Date")))
                    FROM (SELECT * FROM "Answers" a WHERE a."ResponseId" = "HouseholdResponses"."Id" ORDER BY a."Id")), '[]');
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    OptionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
