using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs;

/// <summary>One household's answers and contact details, for the working group only; every opening is written to the audit log.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HouseholdModel(PartneraDbContext db, AuditLog audit, PriorityRanking ranking) : PageModel
{
    public HouseholdResponse Answered { get; private set; } = null!;
    public QuestionnaireDefinition Definition { get; private set; } = new();
    public int Version { get; private set; }
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    /// <summary>The household's priority score, line by line, by the campaign's current formula.</summary>
    public List<ScoreLine> Score { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var campaignId = await db.HouseholdResponses.Where(r => r.Id == id).Select(r => (Guid?)r.CampaignId).FirstOrDefaultAsync(ct);
        if (campaignId is null || !await CampaignEditor.InWorkingGroupAsync(db, User, campaignId.Value, ct)) return NotFound();
        Answered = await db.HouseholdResponses.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        var questionnaire = await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == Answered.QuestionnaireId, ct);
        Version = questionnaire.Version;
        Definition = QuestionnaireDefinition.FromJson(questionnaire.Definition);
        Score = PriorityScore.Explain((await ranking.SchemeAsync(campaignId.Value, ct)).Scheme, Definition, Answered.Answers);
        await audit.RecordAsync(AuditAction.Viewed, Answered, "needs assessment: household answers", ct);
        var subject = $"{nameof(HouseholdResponse)}:{id}";
        History = await db.AuditLog.AsNoTracking().Where(a => a.Subject == subject && a.EntityType == nameof(HouseholdResponse))
            .OrderByDescending(a => a.At).Take(50).ToListAsync(ct);
        return Page();
    }
}
