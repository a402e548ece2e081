using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureServicesAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EvidenceDocumentId",
                table: "MeasureProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeasureServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureServices_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureServices_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureProgress_EvidenceDocumentId",
                table: "MeasureProgress",
                column: "EvidenceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureServices_MeasureId_ServiceId",
                table: "MeasureServices",
                columns: new[] { "MeasureId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureServices_ServiceId",
                table: "MeasureServices",
                column: "ServiceId");

            migrationBuilder.AddForeignKey(
                name: "FK_MeasureProgress_Documents_EvidenceDocumentId",
                table: "MeasureProgress",
                column: "EvidenceDocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeasureProgress_Documents_EvidenceDocumentId",
                table: "MeasureProgress");

            migrationBuilder.DropTable(
                name: "MeasureServices");

            migrationBuilder.DropIndex(
                name: "IX_MeasureProgress_EvidenceDocumentId",
                table: "MeasureProgress");

            migrationBuilder.DropColumn(
                name: "EvidenceDocumentId",
                table: "MeasureProgress");
        }
    }
}
