using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuplicateCheckIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDocuments_Kind_Number",
                table: "PersonDocuments");

            migrationBuilder.DropIndex(
                name: "IX_People_BirthDate",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDocuments_Number_Kind",
                table: "PersonDocuments",
                columns: new[] { "Number", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_People_BirthDate_FamilyKey_GivenKey",
                table: "People",
                columns: new[] { "BirthDate", "FamilyKey", "GivenKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDocuments_Number_Kind",
                table: "PersonDocuments");

            migrationBuilder.DropIndex(
                name: "IX_People_BirthDate_FamilyKey_GivenKey",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDocuments_Kind_Number",
                table: "PersonDocuments",
                columns: new[] { "Kind", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_People_BirthDate",
                table: "People",
                column: "BirthDate");
        }
    }
}
