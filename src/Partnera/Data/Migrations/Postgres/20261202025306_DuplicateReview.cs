using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuplicateReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_FamilyKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_GivenKey",
                table: "People");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DuplicatePairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondId = table.Column<Guid>(type: "uuid", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: false),
                    Why = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicatePairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicatePairs_People_FirstId",
                        column: x => x.FirstId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuplicatePairs_People_SecondId",
                        column: x => x.SecondId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_BirthDate",
                table: "People",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyKey_GivenKey",
                table: "People",
                columns: new[] { "FamilyKey", "GivenKey" });

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenKey_FamilyKey",
                table: "People",
                columns: new[] { "GivenKey", "FamilyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_Decision_Total",
                table: "DuplicatePairs",
                columns: new[] { "Decision", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_FirstId_SecondId",
                table: "DuplicatePairs",
                columns: new[] { "FirstId", "SecondId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_SecondId",
                table: "DuplicatePairs",
                column: "SecondId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropTable(
                name: "DuplicatePairs");

            migrationBuilder.DropIndex(
                name: "IX_People_BirthDate",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_FamilyKey_GivenKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_GivenKey_FamilyKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyKey",
                table: "People",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenKey",
                table: "People",
                column: "GivenKey");
        }
    }
}
