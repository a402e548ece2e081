using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Partnera.Data;

// Used only by `dotnet ef` to build each provider's model; the running app configures its own.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePartneraDbContext>
{
    public SqlitePartneraDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePartneraDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnection).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPartneraDbContext>
{
    public PostgresPartneraDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql("Host=localhost;Database=partnera_design").Options);
}
