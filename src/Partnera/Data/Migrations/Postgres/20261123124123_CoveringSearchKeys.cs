using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ServiceSearchKeys",
                table: "ServiceSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_ServiceSearchKeys_ServiceId",
                table: "ServiceSearchKeys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ServiceSearchKeys",
                table: "ServiceSearchKeys",
                columns: new[] { "ServiceId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSearchKeys_Key_ServiceId_Weight",
                table: "ServiceSearchKeys",
                columns: new[] { "Key", "ServiceId", "Weight" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ServiceSearchKeys",
                table: "ServiceSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_ServiceSearchKeys_Key_ServiceId_Weight",
                table: "ServiceSearchKeys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ServiceSearchKeys",
                table: "ServiceSearchKeys",
                columns: new[] { "Key", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSearchKeys_ServiceId",
                table: "ServiceSearchKeys",
                column: "ServiceId");
        }
    }
}
