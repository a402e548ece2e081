using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NeedsAssessmentCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStarts = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    CollectionStarts = table.Column<DateOnly>(type: "date", nullable: false),
                    CollectionEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TitleTranslations = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignCommunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignCommunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignCommunities_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignCommunities_Territories_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkingGroupMembers_AssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkingGroupMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCampaigns_PeriodStarts",
                table: "AssessmentCampaigns",
                column: "PeriodStarts");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignCommunities_CampaignId_TerritoryId",
                table: "CampaignCommunities",
                columns: new[] { "CampaignId", "TerritoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignCommunities_TerritoryId",
                table: "CampaignCommunities",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupMembers_CampaignId_OrganisationId",
                table: "WorkingGroupMembers",
                columns: new[] { "CampaignId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupMembers_OrganisationId",
                table: "WorkingGroupMembers",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignCommunities");

            migrationBuilder.DropTable(
                name: "WorkingGroupMembers");

            migrationBuilder.DropTable(
                name: "AssessmentCampaigns");
        }
    }
}
