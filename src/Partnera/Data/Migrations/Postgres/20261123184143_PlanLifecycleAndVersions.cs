using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanLifecycleAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsultationEnds",
                table: "CommunityPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsultationStarts",
                table: "CommunityPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionBody",
                table: "CommunityPlans",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionDate",
                table: "CommunityPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionDocumentId",
                table: "CommunityPlans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNumber",
                table: "CommunityPlans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAs = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_CommunityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPlans_DecisionDocumentId",
                table: "CommunityPlans",
                column: "DecisionDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CommunityPlans_Documents_DecisionDocumentId",
                table: "CommunityPlans",
                column: "DecisionDocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommunityPlans_Documents_DecisionDocumentId",
                table: "CommunityPlans");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropIndex(
                name: "IX_CommunityPlans_DecisionDocumentId",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "ConsultationEnds",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "ConsultationStarts",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "DecisionBody",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "DecisionDate",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "DecisionDocumentId",
                table: "CommunityPlans");

            migrationBuilder.DropColumn(
                name: "DecisionNumber",
                table: "CommunityPlans");
        }
    }
}
