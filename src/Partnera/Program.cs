using Partnera;
using Partnera.Data;

if (args.FirstOrDefault() == Partnera.Features.People.Matching.MatchCommand.Name)
{
    Environment.ExitCode = Partnera.Features.People.Matching.MatchCommand.Run(args[1..], Console.Error);
    return;
}

if (args.FirstOrDefault() is Partnera.Data.Backups.BackupCommand.Backup or Partnera.Data.Backups.BackupCommand.Restore)
{
    // The settings as the app reads them (appsettings, environment, command line), without starting it.
    var settings = WebApplication.CreateBuilder(args.Skip(2).ToArray()).Configuration;
    Environment.ExitCode = Partnera.Data.Backups.BackupCommand.Run(args[0], args[1..], settings, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddData();
builder.AddFeatures();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateAndExitAsync();
    return;
}

app.UsePlatform();
app.MapFeatures();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
