using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Tallies;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Imports;
using Partnera.Resources;

namespace Partnera.Features.Needs.Imports;

/// <summary>
/// Paper surveys from a CSV or Excel file: upload, map the columns, check every row, then save all households,
/// or only the valid ones when the user asks for that. Saving writes the households in bulk in one transaction,
/// with an audit entry per household that names who answered and one for the anonymous rest.
/// </summary>
public sealed class SurveyImport(PartneraDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, IStringLocalizer<NeedsStrings> t, IStringLocalizerFactory localizers,
    IOptions<ImportLimits> limits, IStringLocalizer<SharedStrings> shared)
{

    /// <summary>Keeps the file, read once into its compact form, for the mapping step, with a first guess of what each column holds; or says what is wrong with it.</summary>
    public async Task<(SurveyUpload? Upload, string? Problem)> UploadAsync(Guid campaignId, string fileName, Stream content, CancellationToken ct)
    {
        var campaign = await AnswerForm.LoadAsync(db, campaignId, ct);
        if (campaign?.Definition is null) return (null, t["Entry_NoQuestionnaire"]);
        if (!TableFile.IsTable(fileName)) return (null, t["Import_FileKind"]);
        byte[]? bytes;
        try { bytes = TableFile.Keep(await limits.Value.ReadAsync(content, ct), fileName, limits.Value); }
        catch (ImportRefusedException refused) { return (null, refused.Localised(shared)); }
        if (bytes is null || TableFile.Headers(bytes, fileName) is not { } headers) return (null, t["Import_Unreadable"]);
        var now = time.GetUtcNow().UtcDateTime;
        var upload = new SurveyUpload
        {
            CampaignId = campaignId,
            FileName = Infrastructure.Web.ControlCharacters.Strip(Path.GetFileName(fileName)),
            Content = bytes,
            UploadedAt = now,
            UploadedBy = user.Name,
            Mapping = ColumnMapping.ToJson(ColumnMapping.Suggest(headers, campaign.Definition)),
        };
        db.SurveyUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (upload, null);
    }

    /// <summary>What the rows of an upload are read against: the campaign's latest published questionnaire and communities.</summary>
    public async Task<SurveyRowReader.Context?> ContextAsync(SurveyUpload upload, CancellationToken ct)
    {
        var campaign = await AnswerForm.LoadAsync(db, upload.CampaignId, ct);
        if (campaign?.Version is null || campaign.Definition is null) return null;
        var ids = campaign.Communities.Select(c => c.Id).ToList();
        var codes = await db.Territories.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Code }).ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        return new(upload.CampaignId, campaign.Version, campaign.Definition, TableFile.Headers(upload.Content, upload.FileName) ?? [],
            ColumnMapping.FromJson(upload.Mapping), campaign.Communities,
            new CommunityNames(campaign.Communities.Select(c => (c.Id, codes.GetValueOrDefault(c.Id), c.Name))), time.GetUtcNow().UtcDateTime, user.Name);
    }

    /// <summary>Every data row of the file, read from its compact form anew on each call, so a large file is never held as households.</summary>
    public IEnumerable<SurveyRowReader.Row> Rows(SurveyUpload upload, SurveyRowReader.Context context)
    {
        var reader = new SurveyRowReader(context, t, localizers);
        return TableFile.DataRows(upload.Content, upload.FileName).Select(r => reader.Read(r.Number, r.Cells));
    }

    /// <summary>
    /// Saves the households read without error (all rows must be good unless <paramref name="validOnly"/>); returns
    /// how many, or null if refused. Rows stream from the file into the database as they are read, so checking the
    /// next rows overlaps with writing the last ones; a bad row in an all-or-nothing save rolls everything back.
    /// </summary>
    public async Task<int?> SaveAsync(SurveyUpload upload, SurveyRowReader.Context context, bool validOnly, CancellationToken ct)
    {
        var reason = t["Import_AuditReason", upload.FileName].Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var tallies = new AnswerTallies();
            var audited = new List<AuditEntry>();
            var (saved, anonymous, refused) = (0, 0, false);
            IEnumerable<HouseholdResponse> Households()
            {
                foreach (var row in Rows(upload, context))
                {
                    if (row.Response is null)
                    {
                        refused |= !validOnly;
                        if (refused) yield break;
                        continue;
                    }
                    tallies.Add(row.Response, context.Definition);
                    if (row.Response.NamesHousehold) audited.Add(audit.Entry(AuditAction.Created, row.Response, reason));
                    else anonymous++;
                    saved++;
                    yield return row.Response;
                }
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.WriteAsync(db, Households(), ct);
            if (refused || saved == 0) return (int?)null;
            if (anonymous > 0) audited.Add(AnonymousEntry(upload, anonymous));
            await BulkInsert.WriteAsync(db, audited, ct);
            await tallies.AddToStoredAsync(db, ct);
            await db.SurveyUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return saved;
        });
    }

    /// <summary>
    /// Each household that names who answered is personal data and gets its own entry; the anonymous ones get one
    /// entry together, under the campaign (each of them records who entered it and when).
    /// </summary>
    private AuditEntry AnonymousEntry(SurveyUpload upload, int count) =>
        audit.Entry(AuditAction.Created, nameof(HouseholdResponse), upload.CampaignId.ToString(), $"{nameof(AssessmentCampaign)}:{upload.CampaignId}",
            t["Import_AuditAnonymous", upload.FileName, count].Value);
}
