using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// /api/v1/budget-votes: a signed-in resident casts a ballot (the same rules as the ballot page); anyone reads a
/// published result.
/// </summary>
public static class BudgetApi
{
    public sealed record ResultDto(Guid ProjectId, string Title, decimal Cost, int Votes, bool Funded);

    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/budget-votes").WithTags("Participatory budgets");
        api.MapPost("/{id:guid}/ballots", CastAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/{id:guid}/results", ResultsAsync).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Created, NotFound, ValidationProblem, ProblemHttpResult>> CastAsync(Guid id, BallotInput ballot, PartneraDbContext db,
        BallotBox box, CurrentUser user, IStringLocalizerFactory localizers, IStringLocalizer<PlanningStrings> t, CancellationToken ct)
    {
        if (await db.BudgetVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.Announced, ct) is not { } vote) return TypedResults.NotFound();
        var errors = ApiValidation.Validate(ballot, localizers);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var problems = await box.CastAsync(vote, user.Id!.Value, ballot, ct);
        string Text(string key) => t[key, vote.VotingOpen.ToString("d", CultureInfo.CurrentCulture), vote.VotingClose.ToString("d", CultureInfo.CurrentCulture), vote.MinimumAge, vote.MaxChoices];
        if (problems.FirstOrDefault(p => p.Field.Length == 0) is { Key: { } general })
            return TypedResults.Problem(detail: Text(general), statusCode: StatusCodes.Status409Conflict);
        foreach (var (field, key) in problems) errors.Add(field, Text(key));
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Created();
    }

    private static async Task<Results<Ok<List<ResultDto>>, NotFound>> ResultsAsync(Guid id, PartneraDbContext db, BudgetResults results, CancellationToken ct)
    {
        if (await db.BudgetVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.ResultsPublishedAt != null, ct) is not { } vote) return TypedResults.NotFound();
        var lines = await results.PublishedAsync(vote, ct);
        return TypedResults.Ok(lines.Select(l => new ResultDto(l.ProjectId, l.Title, l.Cost, l.Votes, l.Funded)).ToList());
    }
}
