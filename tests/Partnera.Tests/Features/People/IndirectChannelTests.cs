using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Matching;
using Partnera.Features.People.Referrals;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

/// <summary>
/// What a referral receiver and an organisation not involved at all learn through the indirect channels: lists,
/// duplicate hints, merges, the API and exports. Receiving a referral gives only what was ticked; no one else learns more
/// than that a probable duplicate exists and who registered it.
/// </summary>
public sealed class IndirectChannelTests(TestApps apps)
{
    private const string Phone = "+380671234567", Address = "вул. Миру, 12, кв. 4", Passport = "ВК555123";
    private static readonly DateOnly Born = new(1966, 8, 23);

    /// <summary>The Bakhmut centre's client, referred to the Red Cross sharing nothing; and a CSO with no part in the case.</summary>
    private sealed record Case(Organisation Centre, Organisation RedCross, Organisation Cso, Person Client);

    private static async Task<Case> CaseAsync(PartneraApp app)
    {
        var family = TestNames.Family("Шевченко");
        return await app.WithDbAsync(async db =>
        {
            var centre = new Organisation { Name = new MultilingualText("Centre " + family), Kind = OrganisationKind.StateServiceProvider };
            var redCross = new Organisation { Name = new MultilingualText("Red Cross " + family), Kind = OrganisationKind.Ngo };
            var cso = new Organisation { Name = new MultilingualText("CSO " + family), Kind = OrganisationKind.Ngo };
            var service = new Service { OrganisationId = redCross.Id, Name = new MultilingualText("Food parcels " + family), LastModified = DateTime.UtcNow };
            var client = new Person
            {
                FamilyName = family,
                GivenName = "Марія",
                BirthDate = Born,
                Sex = Sex.Female,
                Phone = Phone,
                Address = Address,
                HouseholdId = Guid.NewGuid(),
                Relation = HouseholdRelation.Head,
                RegisteredById = centre.Id,
                RegisteredAt = DateTime.UtcNow,
            };
            client.IndexNames();
            client.Consents.Add(new Consent { PersonId = client.Id, OrganisationId = centre.Id, Purpose = "Social services", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
            client.Documents.Add(new PersonDocument { PersonId = client.Id, Kind = DocumentKind.Passport, Number = Passport });
            db.Organisations.AddRange(centre, redCross, cso);
            db.Services.Add(service);
            db.People.Add(client);
            db.PersonInvolvements.AddRange(
                new PersonInvolvement { PersonId = client.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow },
                new PersonInvolvement { PersonId = client.Id, OrganisationId = centre.Id, Kind = Involvement.ReferralSent, Since = DateTime.UtcNow },
                new PersonInvolvement { PersonId = client.Id, OrganisationId = redCross.Id, Kind = Involvement.ReferralReceived, Since = DateTime.UtcNow });
            db.Referrals.Add(new Referral { PersonId = client.Id, FromOrganisationId = centre.Id, ToOrganisationId = redCross.Id, ServiceId = service.Id, Reason = "Needs food", SentAt = DateTime.UtcNow, Shared = SharedData.None });
            await db.SaveChangesAsync();
            return new Case(centre, redCross, cso, client);
        });
    }

    /// <summary>Registers the same name (and, when given, birth date and passport) through the form, as a worker of that organisation would.</summary>
    private static async Task<Guid> RegisterNamesakeAsync(HttpClient worker, Guid organisation, Person like, bool withDetails, DateOnly? born = null, string passport = Passport)
    {
        var form = new Dictionary<string, string[]>
        {
            ["OrganisationId"] = [organisation.ToString()],
            ["Input.FamilyName"] = [like.FamilyName],
            ["Input.GivenName"] = [like.GivenName],
        };
        if (withDetails)
        {
            form["Input.BirthDate"] = [(born ?? Born).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            form["Input.DocumentKind"] = ["Passport"];
            form["Input.DocumentNumber"] = [passport];
            form["Consent.Given"] = ["true"];
            form["Consent.Purpose"] = ["Social services"];
            form["Consent.GivenOn"] = ["2026-11-20"];
        }
        var registered = await worker.SubmitAsync("/People/Register", form, "#person-form");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static void AssertNothingPersonal(string body, string where)
    {
        foreach (var value in new[] { Phone, Address, Passport, "1966-08-23", "8/23/1966", "23.08.1966", "Social services", "Head" })
            Assert.False(body.Contains(value, StringComparison.Ordinal), $"{where} shows '{value}'");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_referral_receiver_cannot_take_the_record_by_merging_a_namesake_of_their_own(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        var (receiver, receiverEmail, _) = await app.NewStaffAsync(c.RedCross.Id, Role.ProviderStaff);
        var own = await RegisterNamesakeAsync(receiver, c.RedCross.Id, c.Client, withDetails: false);
        var pair = await app.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => (p.FirstId == own && p.SecondId == c.Client.Id) || (p.FirstId == c.Client.Id && p.SecondId == own)));

        var duplicates = await receiver.GetPageAsync("/People/Duplicates");
        Assert.Null(duplicates.QuerySelector($"form[data-pair='{pair.Id}']"));
        Assert.Null(duplicates.QuerySelector("#pairs .pair"));
        AssertNothingPersonal(duplicates.Body!.InnerHtml, "the receiver's duplicates page");

        var token = duplicates.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await receiver.GetPageAsync("/People/Register")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var merge = await receiver.PostAsync("/People/Duplicates?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["pair"] = pair.Id.ToString(), ["keep"] = own.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, merge.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.People.Where(p => p.Id == c.Client.Id).Select(p => p.MergedIntoId).SingleAsync()));

        var export = await receiver.GetAsync($"/api/v1/people/{own}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        AssertNothingPersonal(await export.Content.ReadAsStringAsync(), "the export of the receiver's own record");
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.GetAsync($"/api/v1/people/{c.Client.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.GetAsync($"/People/Export/{c.Client.Id}")).StatusCode);
        foreach (var page in new[] { "Erase", "Edit", "Consent", "Household", "Plans" })
            Assert.Equal(HttpStatusCode.NotFound, (await receiver.GetAsync($"/People/{page}/{c.Client.Id}")).StatusCode);
        // A refusal is not a reading: the holders' log of the record must not say the receiver took or opened it.
        Assert.Empty(await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{c.Client.Id}" && e.UserName == receiverEmail && (e.Action == AuditAction.Viewed || e.Action == AuditAction.Exported || e.Action == AuditAction.Printed))
            .Select(e => e.Action + " " + e.Reason).ToListAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_referral_receiver_sees_in_lists_and_the_api_only_what_was_shared(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        var (receiver, _, _) = await app.NewStaffAsync(c.RedCross.Id, Role.ProviderStaff);

        var list = await receiver.GetPageAsync($"/People?q={Uri.EscapeDataString(c.Client.FamilyName)}");
        Assert.Contains(c.Client.FamilyName, list.QuerySelector("#people")!.TextContent, StringComparison.Ordinal);
        AssertNothingPersonal(list.QuerySelector("#people")!.InnerHtml, "the people list");

        var api = await receiver.GetFromJsonAsync<PeopleApi.PersonDto>($"/api/v1/people/{c.Client.Id}");
        Assert.Equal(c.Client.FamilyName, api!.FamilyName);
        Assert.Equal((null, null, null, null, null, null, true), (api.BirthDate, api.Sex, api.Phone, api.Address, api.Relation, api.Documents.FirstOrDefault(), api.SharedOnly));

        var record = await receiver.GetPageAsync($"/People/Person/{c.Client.Id}");
        AssertNothingPersonal(record.Body!.InnerHtml, "the shared record");
        // Who else works with the person and who looked is the holders' business.
        Assert.Null(record.QuerySelector("#access-log"));
        Assert.Null(record.QuerySelector("#involved"));

        // The holder still sees everything, and every list read is in the log.
        var (holder, _, _) = await app.NewStaffAsync(c.Centre.Id, Role.ProviderStaff);
        var held = await holder.GetPageAsync($"/People?q={Uri.EscapeDataString(c.Client.FamilyName)}");
        Assert.Contains("8/23/1966", held.QuerySelector("#people")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_organisation_not_involved_learns_only_that_a_duplicate_exists_and_who_registered_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        var (outsider, outsiderEmail, _) = await app.NewStaffAsync(c.Cso.Id, Role.CsoLeader);
        var own = await RegisterNamesakeAsync(outsider, c.Cso.Id, c.Client, withDetails: true);

        var record = await outsider.GetPageAsync($"/People/Person/{own}");
        var hint = record.QuerySelector("#duplicates .duplicate.elsewhere")!.TextContent;
        Assert.Contains(c.Centre.Name.Value, hint, StringComparison.Ordinal);
        Assert.DoesNotContain(c.RedCross.Name.Value, record.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(record.QuerySelector("#duplicates .elsewhere .match-why"));
        Assert.DoesNotContain(c.Client.Id.ToString(), record.Body!.InnerHtml, StringComparison.Ordinal);

        // The review list holds only pairs of the CSO's own records: whether the scan paired the two depends on the client's
        // date and passport, so listing the pair would confirm them.
        var duplicates = await outsider.GetPageAsync("/People/Duplicates");
        Assert.Null(duplicates.QuerySelector("#pairs .pair"));
        Assert.DoesNotContain(c.Centre.Name.Value, duplicates.Body!.InnerHtml, StringComparison.Ordinal);

        // Each time the existence was told, the client's own log says so, to whom.
        var told = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{c.Client.Id}" && e.Action == AuditAction.Disclosed).Select(e => new { e.UserName, e.Reason }).ToListAsync());
        Assert.Single(told);
        Assert.All(told, e => Assert.Equal((outsiderEmail, PersonAccess.DuplicateHintReason), (e.UserName, e.Reason)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{c.Client.Id}" && e.Action == AuditAction.Viewed && e.UserName == outsiderEmail)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Guessing_a_birth_date_or_passport_on_a_namesake_confirms_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        var (outsider, _, _) = await app.NewStaffAsync(c.Cso.Id, Role.CsoLeader);
        var right = await RegisterNamesakeAsync(outsider, c.Cso.Id, c.Client, withDetails: true);
        var wrong = await RegisterNamesakeAsync(outsider, c.Cso.Id, c.Client, withDetails: true, born: new DateOnly(1971, 3, 9), passport: "КН000111");

        async Task<string?> HintAsync(Guid own) =>
            (await outsider.GetPageAsync($"/People/Person/{own}")).QuerySelector("#duplicates .duplicate.elsewhere")?.TextContent;
        // The same hint either way: only the names decide it, so it tells nothing about the date or the passport.
        Assert.Equal(await HintAsync(right), await HintAsync(wrong));
        Assert.Contains(c.Centre.Name.Value, (await HintAsync(wrong))!, StringComparison.Ordinal);
        // And the two own records pair with each other only: nothing of the client's on the review list.
        Assert.DoesNotContain(c.Centre.Name.Value, (await outsider.GetPageAsync("/People/Duplicates")).Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_merge_is_not_offered_or_done_when_it_would_show_a_record_to_an_organisation_that_sees_only_the_other(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        // The centre registered the client twice; the Red Cross received a referral about one of the two records only.
        var second = await app.WithDbAsync(async db =>
        {
            var copy = new Person { FamilyName = c.Client.FamilyName, GivenName = c.Client.GivenName, BirthDate = Born, RegisteredById = c.Centre.Id, RegisteredAt = DateTime.UtcNow };
            copy.IndexNames();
            db.People.Add(copy);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = copy.Id, OrganisationId = c.Centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return copy.Id;
        });
        await app.WithScopeAsync(async s =>
        {
            var copy = await s.GetRequiredService<PartneraDbContext>().People.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.Id == second);
            return await s.GetRequiredService<DuplicateScan>().CheckAsync([copy], CancellationToken.None);
        });
        var pair = await app.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => (p.FirstId == second && p.SecondId == c.Client.Id) || (p.FirstId == c.Client.Id && p.SecondId == second)));

        var (holder, _, _) = await app.NewStaffAsync(c.Centre.Id, Role.ProviderStaff);
        var page = await holder.GetPageAsync("/People/Duplicates");
        var row = page.QuerySelectorAll("#pairs .pair").Single(r => r.InnerHtml.Contains(second.ToString(), StringComparison.Ordinal));
        Assert.Contains(c.RedCross.Name.Value, row.QuerySelector(".would-widen")!.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form.merge, button.merge"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await holder.GetPageAsync("/People/Register")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await holder.PostAsync("/People/Duplicates?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["pair"] = pair.Id.ToString(), ["keep"] = second.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        var (merged, receiverSees) = await app.WithDbAsync(async db => (
            await db.People.Where(p => p.Id == c.Client.Id).Select(p => p.MergedIntoId).SingleAsync(),
            await db.PersonInvolvements.AnyAsync(i => i.PersonId == second && i.OrganisationId == c.RedCross.Id)));
        Assert.Equal((null, false), (merged, receiverSees));

        // Telling the two apart is still the holder's to decide: "not the same person" is offered, and the pair leaves the list.
        Assert.NotNull(row.QuerySelector($"form[data-pair='{pair.Id}'][data-not-same] button.not-same"));
        var notSame = await holder.SubmitAsync("/People/Duplicates", new Dictionary<string, string[]>(), $"form[data-pair='{pair.Id}'][data-not-same]");
        Assert.Equal(HttpStatusCode.Redirect, notSame.StatusCode);
        Assert.Equal(DuplicateDecision.NotSamePerson, await app.WithDbAsync(db => db.DuplicatePairs.Where(p => p.Id == pair.Id).Select(p => p.Decision).SingleAsync()));
        Assert.Null((await holder.GetPageAsync("/People/Duplicates")).QuerySelector($"form[data-pair='{pair.Id}']"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reason_longer_than_a_step_keeps_is_refused_with_a_problem_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CaseAsync(app);
        var referral = await app.WithDbAsync(db => db.Referrals.Where(r => r.PersonId == c.Client.Id).Select(r => r.Id).SingleAsync());
        var (receiver, _, _) = await app.NewStaffAsync(c.RedCross.Id, Role.ProviderStaff);
        var refused = await receiver.PostAsJsonAsync($"/api/v1/referrals/{referral}/moves", new { to = "Declined", note = new string('x', ReferralFlow.NoteLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2000", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Sent, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == referral).Select(r => r.Status).SingleAsync()));
        var declined = await receiver.PostAsJsonAsync($"/api/v1/referrals/{referral}/moves", new { to = "Declined", note = "No beds until January" });
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
    }
}
