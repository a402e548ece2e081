using System.Net;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

/// <summary>
/// The referral list opens where the referrals are and counts both tabs, each waiting referral shows its answer
/// deadline, and after sending the sender is shown what happens next, with withdrawing kept apart and labelled.
/// </summary>
public sealed class ReferralListTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_sender_sees_their_referral_its_deadline_and_a_safe_next_step(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Мороз");
        var (ngo, centre, service, person) = await app.WithDbAsync(async db =>
        {
            var ngo = new Organisation { Name = new MultilingualText("NGO " + family), Kind = OrganisationKind.Ngo };
            var centre = new Organisation { Name = new MultilingualText("Centre " + family), Kind = OrganisationKind.StateServiceProvider };
            var service = new Service { OrganisationId = centre.Id, Name = new MultilingualText("Home care " + family), LastModified = DateTime.UtcNow };
            var person = new Person { FamilyName = family, GivenName = "Олена", BirthDate = new DateOnly(1950, 3, 1), RegisteredById = ngo.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = ngo.Id, Purpose = "Care", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
            db.Organisations.AddRange(ngo, centre);
            db.Services.Add(service);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (ngo.Id, centre.Id, service.Id, person.Id);
        });
        var (social, socialEmail, _) = await app.NewStaffAsync(ngo, Role.ProviderStaff);
        var (intake, _, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);

        var sent = await social.SubmitAsync($"/People/Referrals/Send/{person}", new Dictionary<string, string[]>
        { ["Input.ServiceId"] = [service.ToString()], ["Input.Reason"] = ["Cannot shop alone"], ["Input.Urgency"] = ["Routine"] }, "#referral-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var referral = sent.Headers.Location!.OriginalString;

        // After sending: what happens next and by when, a primary button back to the person; withdrawing is behind a disclosure and says so.
        var page = await social.GetPageAsync(referral);
        var next = page.QuerySelector("#referral-next")!;
        Assert.Contains("Centre " + family, next.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/People/Person/{person}", next.QuerySelector("a.btn-primary")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#answer-due"));
        var withdraw = page.QuerySelector("details#withdraw")!;
        Assert.NotNull(withdraw.QuerySelector("#move-Closed"));
        Assert.Equal("Withdraw the referral", withdraw.QuerySelector("button")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("main button, button").Where(b => b.Closest("details") is null), b => Assert.NotEqual("Close", b.TextContent.Trim()));
        // Withdrawing still needs its reason.
        var noReason = await social.SubmitAsync(referral, new Dictionary<string, string[]> { ["note"] = [""] }, "#move-Closed");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);

        // The sender's list opens on "sent" (nothing received), counts both, and shows the deadline.
        var list = await social.GetPageAsync("/People/Referrals");
        Assert.Contains("active", list.QuerySelector("#tab-sent")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("0", list.QuerySelector("#tab-received .badge")!.TextContent.Trim());
        Assert.Equal("1", list.QuerySelector("#tab-sent .badge")!.TextContent.Trim());
        var item = list.QuerySelector($"#referrals a[href='{referral}']")!.Closest("li")!;
        Assert.StartsWith("Answer due by", item.QuerySelector(".answer-due")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("No referrals received.", (await social.GetPageAsync("/People/Referrals?sent=false")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The receiver's list opens on "received", with the same deadline; the receiver is not offered the sender's panel.
        var received = await intake.GetPageAsync("/People/Referrals");
        Assert.Contains("active", received.QuerySelector("#tab-received")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(received.QuerySelector($"#referrals a[href='{referral}']")!.Closest("li")!.QuerySelector(".answer-due"));
        var atCentre = await intake.GetPageAsync(referral);
        Assert.Null(atCentre.QuerySelector("#referral-next"));
        Assert.Null(atCentre.QuerySelector("#withdraw"));

        // In Ukrainian.
        var uk = app.Browser("uk");
        await uk.SignInAsync(socialEmail);
        Assert.Equal("Повернутися до картки особи", (await uk.GetPageAsync(referral)).QuerySelector("#referral-next a.btn-primary")!.TextContent.Trim());
    }
}
