using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandedOverGaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Taxonomy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TermCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Need = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Gap = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    UnitCostBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    LocalBudget = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    StateBudget = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Donor = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Other = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Assumptions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HandedOverAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandedOverBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
