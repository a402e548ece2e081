using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TitleTranslations = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityPlans_Organisations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityPlans_Territories_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleTranslations = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_CommunityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TermCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExpectedUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TitleTranslations = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_CommunityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunityPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanMeasures_Organisations_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureBudgetLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureBudgetLines_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureGaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GapId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Closes = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureGaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureGaps_HandedOverGaps_GapId",
                        column: x => x.GapId,
                        principalTable: "HandedOverGaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureGaps_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPlans_OwnerId_FirstYear",
                table: "CommunityPlans",
                columns: new[] { "OwnerId", "FirstYear" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPlans_TerritoryId_FirstYear",
                table: "CommunityPlans",
                columns: new[] { "TerritoryId", "FirstYear" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureBudgetLines_MeasureId_Year_Source",
                table: "MeasureBudgetLines",
                columns: new[] { "MeasureId", "Year", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureBudgetLines_PlanId",
                table: "MeasureBudgetLines",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureGaps_GapId",
                table: "MeasureGaps",
                column: "GapId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureGaps_MeasureId_GapId",
                table: "MeasureGaps",
                columns: new[] { "MeasureId", "GapId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureGaps_PlanId_GapId",
                table: "MeasureGaps",
                columns: new[] { "PlanId", "GapId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Number",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_GoalId",
                table: "PlanMeasures",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_PlanId_GoalId",
                table: "PlanMeasures",
                columns: new[] { "PlanId", "GoalId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_ResponsibleId",
                table: "PlanMeasures",
                column: "ResponsibleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureBudgetLines");

            migrationBuilder.DropTable(
                name: "MeasureGaps");

            migrationBuilder.DropTable(
                name: "PlanMeasures");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "CommunityPlans");
        }
    }
}
