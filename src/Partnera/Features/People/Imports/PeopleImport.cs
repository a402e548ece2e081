using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.People.Matching;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Imports;
using Partnera.Resources;

namespace Partnera.Features.People.Imports;

/// <summary>
/// A provider brings its existing list of people: upload a CSV or Excel file, map the columns, check every row, then
/// register all of them (or only the valid ones, when asked) for the organisation, households grouped by the household
/// column, in one transaction; then every imported person is checked for probable duplicates across the registry, and
/// the pairs found wait in "Possible duplicates" for review.
/// </summary>
public sealed class PeopleImport(PartneraDbContext db, PersonRegister register, DuplicateScan scan, CurrentUser user, TimeProvider time,
    IStringLocalizer<PeopleStrings> t, IStringLocalizer<DirectoryStrings> directory, IStringLocalizerFactory localizers,
    IOptions<ImportLimits> limits, IStringLocalizer<SharedStrings> shared)
{
    private const int Batch = 500;

    public sealed record Saved(int People, int Households, int WithDuplicates);

    /// <summary>Keeps the file, read once into its compact form, for the mapping step, with a first guess of what each column holds; or says what is wrong with it.</summary>
    public async Task<(PeopleUpload? Upload, string? Problem)> UploadAsync(Guid organisationId, string fileName, Stream content, CancellationToken ct)
    {
        if (!TableFile.IsTable(fileName)) return (null, t["PeopleImport_FileKind"]);
        byte[]? bytes;
        try { bytes = TableFile.Keep(await limits.Value.ReadAsync(content, ct), fileName, limits.Value); }
        catch (ImportRefusedException refused) { return (null, refused.Localised(shared)); }
        if (bytes is null || TableFile.Headers(bytes, fileName) is not { } headers) return (null, t["PeopleImport_Unreadable"]);
        var now = time.GetUtcNow().UtcDateTime;
        var upload = new PeopleUpload
        {
            OrganisationId = organisationId,
            FileName = Infrastructure.Web.ControlCharacters.Strip(Path.GetFileName(fileName)),
            Content = bytes,
            UploadedAt = now,
            UploadedBy = user.Name ?? "",
            Mapping = PeopleColumns.ToJson(PeopleColumns.Suggest(headers)),
        };
        db.PeopleUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (upload, null);
    }

    /// <summary>What the rows are read against: the mapping and the communities the user's registration form offers.</summary>
    public async Task<PeopleRowReader.Context> ContextAsync(PeopleUpload upload, System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var offered = (await register.CommunitiesAsync(principal, null, ct)).Select(c => c.Id).ToList();
        var communities = await db.Territories.AsNoTracking().Where(x => offered.Contains(x.Id)).Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct);
        return new(TableFile.Headers(upload.Content, upload.FileName) ?? [], PeopleColumns.FromJson(upload.Mapping),
            new CommunityNames(communities.Select(c => (c.Id, c.Code, c.Name))), PeopleRowReader.Names(t, directory));
    }

    /// <summary>Every data row of the file, read anew from its compact form on each call.</summary>
    public IEnumerable<PeopleRowReader.Row> Rows(PeopleUpload upload, PeopleRowReader.Context context)
    {
        var reader = new PeopleRowReader(context, t, localizers);
        return TableFile.DataRows(upload.Content, upload.FileName).Select(r => reader.Read(r.Number, r.Cells));
    }

    /// <summary>Registers the people read without error (all rows must be good unless <paramref name="validOnly"/>); null if refused.</summary>
    public async Task<Saved?> SaveAsync(PeopleUpload upload, PeopleRowReader.Context context, bool validOnly, CancellationToken ct)
    {
        var rows = Rows(upload, context).ToList();
        if (rows.All(r => r.Person is null) || (!validOnly && rows.Any(r => r.Person is null))) return null;
        var households = new Dictionary<string, Guid>();
        var people = new List<Person>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            people.Clear();
            households.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in rows.Where(r => r.Person is not null))
            {
                Guid? household = row.Household is { } key ? households.TryGetValue(key, out var id) ? id : households[key] = Guid.CreateVersion7() : null;
                people.Add(register.Add(row.Person!, row.Consent, upload.OrganisationId, household));
                if (people.Count % Batch == 0) await db.SaveChangesAsync(ct);
            }
            await db.SaveChangesAsync(ct);
            await db.PeopleUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        var found = await scan.CheckAsync(people, ct);
        // Only duplicates among the organisation's own records count: how many matched elsewhere would tell which of the
        // file's dates and documents other organisations hold (see DuplicateCheck).
        var others = found.Select(f => f.Other).Distinct().ToList();
        var own = await db.PersonInvolvements.Where(i => others.Contains(i.PersonId) && i.OrganisationId == upload.OrganisationId && i.Kind != Involvement.ReferralReceived)
            .Select(i => i.PersonId).Distinct().ToListAsync(ct);
        return new Saved(people.Count, households.Count, found.Where(f => own.Contains(f.Other)).Select(f => f.Person).Distinct().Count());
    }
}
