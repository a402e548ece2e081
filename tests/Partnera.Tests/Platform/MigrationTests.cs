using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>Migrations that move data keep it: a database made before the change reads the same afterwards.</summary>
public sealed class MigrationTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Answers_saved_one_row_each_are_kept_when_they_move_onto_their_household(DatabaseProvider provider)
    {
        var connection = await apps.NewDatabaseAsync(provider);
        var (household, campaign) = (Guid.CreateVersion7(), Guid.NewGuid());
        await using (var before = Context(provider, connection))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_AnswersStoredWithTheirHousehold", StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            await before.Database.OpenConnectionAsync();
            // Only the answers are under test: the household's campaign, questionnaire and community are left out.
            await before.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "HouseholdResponses" ("Id", "CampaignId", "QuestionnaireId", "CommunityId", "Source", "Anonymous", "ConsentGiven", "EnteredAt")
                VALUES ({household}, {campaign}, {Guid.NewGuid()}, {Guid.NewGuid()}, 'Staff', {true}, {false}, {DateTime.UtcNow})
                """);
            (string Code, string? Option, decimal? Number, string? Text, DateOnly? Date)[] answers =
            [
                ("A1", null, 2.5m, null, null),
                ("B1", "disability", null, null, null),
                ("B1", "veteran", null, null, null),
                ("E1", null, null, "Потрібен \"пандус\", ș/ț", null),
                ("E3", null, null, null, new DateOnly(2026, 3, 14)),
            ];
            foreach (var a in answers)
                await before.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Answers" ("Id", "ResponseId", "QuestionCode", "OptionCode", "Number", "Text", "Date")
                    VALUES ({Guid.CreateVersion7()}, {household}, {a.Code}, {a.Option}, {a.Number}, {a.Text}, {a.Date})
                    """);
            await before.Database.CloseConnectionAsync();
        }

        await using var after = Context(provider, connection);
        await after.Database.MigrateAsync();
        // Answers were never kept in an order (rows made in the same millisecond have random ids): compared as a set.
        var moved = (await after.HouseholdResponses.AsNoTracking().SingleAsync(r => r.Id == household)).Answers
            .OrderBy(a => a.QuestionCode).ThenBy(a => a.OptionCode).ToList();
        Assert.Equal(["A1", "B1", "B1", "E1", "E3"], moved.Select(a => a.QuestionCode));
        Assert.Equal(2.5m, moved[0].Number);
        Assert.Equal(["disability", "veteran"], moved.Where(a => a.QuestionCode == "B1").Select(a => a.OptionCode));
        Assert.Equal("Потрібен \"пандус\", ș/ț", moved[3].Text);
        Assert.Equal(new DateOnly(2026, 3, 14), moved[4].Date);
        Assert.All(moved.Take(3), a => Assert.Null(a.Text));
    }

    private static PartneraDbContext Context(DatabaseProvider provider, string connection) => provider == DatabaseProvider.Sqlite
        ? new SqlitePartneraDbContext(new DbContextOptionsBuilder<SqlitePartneraDbContext>().UseSqlite(connection).Options)
        : new PostgresPartneraDbContext(new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options);
}
