using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandedOverGapUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "HandedOverGaps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Gaps handed over before categories had units were all counted in households.
                defaultValue: "Household");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Unit",
                table: "HandedOverGaps");
        }
    }
}
