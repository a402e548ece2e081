using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanHearings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HearingId",
                table: "PlanComments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanHearings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanHearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanHearings_CommunityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_HearingId",
                table: "PlanComments",
                column: "HearingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanHearings_PlanId_HeldAt",
                table: "PlanHearings",
                columns: new[] { "PlanId", "HeldAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_PlanComments_PlanHearings_HearingId",
                table: "PlanComments",
                column: "HearingId",
                principalTable: "PlanHearings",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanComments_PlanHearings_HearingId",
                table: "PlanComments");

            migrationBuilder.DropTable(
                name: "PlanHearings");

            migrationBuilder.DropIndex(
                name: "IX_PlanComments_HearingId",
                table: "PlanComments");

            migrationBuilder.DropColumn(
                name: "HearingId",
                table: "PlanComments");
        }
    }
}
