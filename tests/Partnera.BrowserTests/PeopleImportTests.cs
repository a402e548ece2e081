using System.Text;
using Microsoft.Playwright;

namespace Partnera.BrowserTests;

public sealed class PeopleImportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_ngo_imports_its_list_of_people_in_romanian_and_finds_the_household_on_a_record()
    {
        var page = await fixture.NewPageAsync("ro-RO");
        await Screenshots.OnFailureAsync(page, nameof(An_ngo_imports_its_list_of_people_in_romanian_and_finds_the_household_on_a_record), async () =>
        {
            var family = "Ciobanu" + Guid.NewGuid().ToString("N")[..5];
            var csv = $"""
                Nume;Prenume;Data nașterii;Sexul;Gospodăria;Relația;Data consimțământului;Scopul consimțământului
                {family};Elena;14.02.1950;femeie;g1;cap;01.11.2026;Îngrijire la domiciliu
                {family};Ion;03.05.1975;bărbat;g1;fiu;01.11.2026;Îngrijire la domiciliu
                {family};Ana;30.02.1990;;;;01.11.2026;Îngrijire la domiciliu
                """;
            await BrowserFixture.SignInAsync(page, "cso@partnera.demo");
            await page.GotoAsync("/People");
            await page.Locator("#import-people").ClickAsync();
            await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "lista.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await page.Locator("#upload-form button[type=submit]").ClickAsync();

            // The Romanian headers are recognised; the user checks the rows.
            await Assertions.Expect(page.Locator("#target-0")).ToHaveValueAsync("family_name");
            await Assertions.Expect(page.Locator("#target-5")).ToHaveValueAsync("relation");
            await page.Locator("#mapping-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#import-counts")).ToHaveTextAsync("3 rânduri: 2 valide, 1 cu probleme.");
            await Assertions.Expect(page.Locator("#import-errors tbody tr")).ToContainTextAsync("30.02.1990");
            await Assertions.Expect(page.Locator("#import-errors tbody tr td").First).ToHaveTextAsync("4");

            await page.Locator("#ValidOnly").CheckAsync();
            await page.Locator("#save-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#import-saved")).ToContainTextAsync("Persoane înregistrate: 2, în 1 gospodării.");

            // The mother's record lists her son as a household member.
            await page.GotoAsync($"/People?q={family}");
            await page.Locator("#people a", new() { HasText = "Elena" }).ClickAsync();
            await Assertions.Expect(page.Locator("#household-members")).ToContainTextAsync("Ion");
            await Assertions.Expect(page.Locator("#household-members")).ToContainTextAsync("Copil");
        });
    }
}
