using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CostedGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Costing",
                table: "AssessmentCampaigns",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandedOverGaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Taxonomy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TermCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Need = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Gap = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    UnitCost = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    UnitCostBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    LocalBudget = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    StateBudget = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Donor = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Other = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Assumptions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HandedOverAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandedOverBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandedOverGaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandedOverGaps_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HandedOverGaps_Territories_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandedOverGaps_CampaignId_CommunityId_TermCode",
                table: "HandedOverGaps",
                columns: new[] { "CampaignId", "CommunityId", "TermCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandedOverGaps_CommunityId_HandedOverAt",
                table: "HandedOverGaps",
                columns: new[] { "CommunityId", "HandedOverAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandedOverGaps");

            migrationBuilder.DropColumn(
                name: "Costing",
                table: "AssessmentCampaigns");
        }
    }
}
