using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasurePartnersAndMilestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeasureMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureMilestones_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurePartners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurePartners_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasurePartners_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureMilestones_MeasureId_DueOn",
                table: "MeasureMilestones",
                columns: new[] { "MeasureId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePartners_MeasureId_OrganisationId",
                table: "MeasurePartners",
                columns: new[] { "MeasureId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePartners_OrganisationId",
                table: "MeasurePartners",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureMilestones");

            migrationBuilder.DropTable(
                name: "MeasurePartners");
        }
    }
}
