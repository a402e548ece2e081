using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Partnera.Features.People;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <summary>Document series typed in Cyrillic are stored in the Latin letters they look like (PersonDocument.Normalise).</summary>
    [DbContext(typeof(PostgresPartneraDbContext))]
    [Migration("20261208023100_DocumentSeriesLatin")]
    public partial class DocumentSeriesLatin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(PersonDocument.LatinSeriesSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The Cyrillic series cannot be told from Latin ones afterwards; they stay Latin.
        }
    }
}
