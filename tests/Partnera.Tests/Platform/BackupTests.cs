using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Data.Backups;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class BackupTests(TestApps apps)
{
    private static IConfiguration Settings(DatabaseProvider provider, string connection) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:Partnera"] = connection }).Build();

    private static DbConnection Open(DatabaseProvider provider, string connection)
    {
        DbConnection c = provider == DatabaseProvider.Sqlite ? new Microsoft.Data.Sqlite.SqliteConnection(connection) : new Npgsql.NpgsqlConnection(connection);
        c.Open();
        return c;
    }

    /// <summary>Every table's row count, read straight from the database.</summary>
    private static Dictionary<string, long> Rows(DatabaseProvider provider, string connection, IEnumerable<string> tables)
    {
        using var c = Open(provider, connection);
        return tables.ToDictionary(t => t, t =>
        {
            using var count = c.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{t}\"";
            return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_backup_restored_into_an_empty_database_has_every_row_and_keys_that_still_read_old_cookies(DatabaseProvider provider)
    {
        var source = await apps.NewDatabaseAsync(provider);
        string protectedByOld;
        List<string> tables;
        await using (var app = new PartneraApp(provider, source))
        {
            // The demo data: organisations, services, people and their consents, campaigns and answers, plans and comments, votes, the audit log.
            protectedByOld = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Partnera.Backup.Test").Protect("signed in");
            tables = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList()));
        }
        var file = Path.Combine(Path.GetTempPath(), $"partnera-backup-{Guid.NewGuid():N}.bak");
        try
        {
            var errors = new StringWriter();
            Assert.Equal(BackupCommand.Done, BackupCommand.Run(BackupCommand.Backup, [file], Settings(provider, source), errors));
            Assert.True(new FileInfo(file).Length > 0, errors.ToString());

            var target = await apps.NewDatabaseAsync(provider);
            Assert.Equal(BackupCommand.Done, BackupCommand.Run(BackupCommand.Restore, [file], Settings(provider, target), errors));
            var before = Rows(provider, source, tables);
            Assert.Contains(before, t => t.Key == "People" && t.Value > 0);
            Assert.Equal(before, Rows(provider, target, tables));
            // Restoring over data is refused: the database already holds tables now.
            Assert.Equal(BackupCommand.NotEmpty, BackupCommand.Run(BackupCommand.Restore, [file], Settings(provider, target), errors));

            // The restored app reads what the old one signed (cookies, tokens): the keys came with the data.
            await using var restored = new PartneraApp(provider, target);
            Assert.Equal("signed in", restored.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Partnera.Backup.Test").Unprotect(protectedByOld));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await restored.Browser().GetAsync("/Directory")).StatusCode);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task An_empty_or_foreign_file_is_not_restored_as_if_it_were_a_backup()
    {
        var empty = Path.GetTempFileName();
        var foreign = Path.Combine(Path.GetTempPath(), $"foreign-{Guid.NewGuid():N}.db");
        try
        {
            using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign};Pooling=false"))
            {
                other.Open();
                using var create = other.CreateCommand();
                create.CommandText = "CREATE TABLE t (x INTEGER)";
                create.ExecuteNonQuery();
            }
            foreach (var file in new[] { empty, foreign })
            {
                var errors = new StringWriter();
                var target = await apps.NewDatabaseAsync(DatabaseProvider.Sqlite);
                Assert.Equal(BackupCommand.Failed, BackupCommand.Run(BackupCommand.Restore, [file], Settings(DatabaseProvider.Sqlite, target), errors));
                Assert.Contains("is not a Partnera backup", errors.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(empty);
            File.Delete(foreign);
        }
    }

    [Fact]
    public void Without_a_file_name_the_command_says_how_to_use_it()
    {
        var errors = new StringWriter();
        Assert.Equal(BackupCommand.Usage, BackupCommand.Run(BackupCommand.Backup, [], Settings(DatabaseProvider.Sqlite, "Data Source=unused.db"), errors));
        Assert.Contains("Usage: backup FILE", errors.ToString(), StringComparison.Ordinal);
    }
}
