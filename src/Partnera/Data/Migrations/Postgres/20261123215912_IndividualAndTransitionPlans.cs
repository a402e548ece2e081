using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndividualAndTransitionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndividualPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Needs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NextReview = table.Column<DateOnly>(type: "date", nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MovedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndividualPlans_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndividualPlans_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndividualPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisits_IndividualPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IndividualPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndividualGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndividualGoals_IndividualPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IndividualPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndividualGoals_Organisations_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IndividualGoals_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisits_Due",
                table: "FollowUpVisits",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisits_PlanId_Months",
                table: "FollowUpVisits",
                columns: new[] { "PlanId", "Months" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_PlanId",
                table: "IndividualGoals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_ResponsibleId",
                table: "IndividualGoals",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualGoals_ServiceId",
                table: "IndividualGoals",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualPlans_InstitutionId",
                table: "IndividualPlans",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualPlans_Kind_MovedOn",
                table: "IndividualPlans",
                columns: new[] { "Kind", "MovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IndividualPlans_OrganisationId",
                table: "IndividualPlans",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualPlans_PersonId",
                table: "IndividualPlans",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpVisits");

            migrationBuilder.DropTable(
                name: "IndividualGoals");

            migrationBuilder.DropTable(
                name: "IndividualPlans");
        }
    }
}
