using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Households : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HouseholdId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Relation",
                table: "People",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_HouseholdId",
                table: "People",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_HouseholdId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "HouseholdId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Relation",
                table: "People");
        }
    }
}
