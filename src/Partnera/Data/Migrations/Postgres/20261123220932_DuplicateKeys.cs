using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuplicateKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FamilyKey",
                table: "People",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "GivenKey",
                table: "People",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyKey",
                table: "People",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenKey",
                table: "People",
                column: "GivenKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_FamilyKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_GivenKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "FamilyKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "GivenKey",
                table: "People");
        }
    }
}
