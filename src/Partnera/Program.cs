using Partnera;
using Partnera.Data;

if (args.FirstOrDefault() == Partnera.Features.People.Matching.MatchCommand.Name)
{
    Environment.ExitCode = Partnera.Features.People.Matching.MatchCommand.Run(args[1..], Console.Error);
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
