using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Bench;

/// <summary>The size of a generated directory.</summary>
public sealed record Scale(string Name, int Communities, int Organisations, int Services, int Locations)
{
    public static readonly Scale National = new("national", 1_500, 30_000, 100_000, 150_000);
    public static readonly Scale Community = new("community", 12, 300, 2_000, 2_500);
}

/// <summary>
/// Generates a country's directory with realistic multilingual names and weekly schedules with a lunch break,
/// written in batches without the audit log (a bulk load, not user changes). Deterministic: the same seed gives the same data.
/// </summary>
public sealed class Generator(PartneraDbContext db, Scale scale)
{
    private readonly Random random = new(2026);

    private static readonly (string Uk, string Ru, string Ro, string En, string Term)[] Kinds =
    [
        ("Догляд вдома", "Уход на дому", "Îngrijire la domiciliu", "Home care", "015.1"),
        ("Денний догляд", "Дневной уход", "Îngrijire de zi", "Day care", "016.0"),
        ("Соціальний супровід сімей", "Социальное сопровождение семей", "Însoțirea socială a familiilor", "Family support", "009.0"),
        ("Консультування", "Консультирование", "Consiliere", "Counselling", "002.0"),
        ("Інформування", "Информирование", "Informare", "Information", "001.0"),
        ("Кризове втручання", "Кризисное вмешательство", "Intervenție de criză", "Crisis intervention", "013.0"),
        ("Надання притулку", "Предоставление приюта", "Adăpost", "Shelter", "012.0"),
        ("Натуральна допомога", "Натуральная помощь", "Ajutor în natură", "In-kind assistance", "014.0"),
        ("Соціальна адаптація", "Социальная адаптация", "Adaptare socială", "Social adaptation", "006.0"),
        ("Паліативний догляд", "Паллиативный уход", "Îngrijire paliativă", "Palliative care", "017.0"),
        ("Переклад жестовою мовою", "Перевод на жестовый язык", "Traducere în limbajul semnelor", "Sign language interpreting", "020.0"),
        ("Підтримане проживання", "Поддерживаемое проживание", "Locuire asistată", "Supported living", "018.1"),
    ];

    private static readonly string[] Roots = ["Вишн", "Зелен", "Берез", "Соснов", "Кам'ян", "Нов", "Стар", "Покров", "Іван", "Петр", "Михайл", "Олександр",
        "Красн", "Світл", "Лип", "Дуб", "Яблун", "Калин", "Степ", "Озер", "Лугов", "Гірськ", "Річн", "Польов", "Сонячн"];

    private static readonly string[] Endings = ["івка", "ове", "ка", "ин", "ськ", "ичі", "ани", "иці", "ів", "ово"];

    private static readonly string[] Streets = ["вул. Центральна", "вул. Шевченка", "вул. Миру", "вул. Садова", "пр. Незалежності", "вул. Соборна"];

    public async Task GenerateAsync(CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var communities = await TerritoriesAsync(ct);
        var organisations = await OrganisationsAsync(communities, ct);
        var locations = await LocationsAsync(organisations, ct);
        await ServicesAsync(organisations, locations, ct);
    }

    private async Task<List<Territory>> TerritoriesAsync(CancellationToken ct)
    {
        var country = Territory(null, TerritoryLevel.Country, "Україна", "BENCH-UA");
        var regions = Enumerable.Range(1, 24).Select(i => Territory(country, TerritoryLevel.Region, $"{Roots[i % Roots.Length]}ська область {i}", $"BENCH-R{i}")).ToList();
        var districts = Enumerable.Range(1, Math.Max(1, scale.Communities / 11)).Select(i => Territory(regions[i % regions.Count], TerritoryLevel.District,
            $"{Roots[(i * 7) % Roots.Length]}ський район {i}", $"BENCH-D{i}")).ToList();
        var communities = Enumerable.Range(1, scale.Communities).Select(i =>
        {
            var name = $"{Roots[i % Roots.Length]}{Endings[(i / Roots.Length) % Endings.Length]}";
            var community = Territory(districts[i % districts.Count], TerritoryLevel.Community, $"{name} громада {i}", $"BENCH-C{i}");
            community.Population = random.Next(2_000, 120_000);
            return community;
        }).ToList();
        db.Territories.AddRange([country, .. regions, .. districts, .. communities]);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return communities;
    }

    private static Territory Territory(Territory? parent, TerritoryLevel level, string name, string code)
    {
        var t = new Territory
        {
            ParentId = parent?.Id,
            Level = level,
            Name = new MultilingualText(name, new Dictionary<string, string> { ["en"] = SearchKey.For(name) }),
            Code = code,
            TimeZone = "Europe/Kyiv",
            PopulationIsEstimate = true
        };
        t.RefreshSearchText();
        return t;
    }

    private async Task<List<(Guid Id, Guid TerritoryId, string Name)>> OrganisationsAsync(List<Territory> communities, CancellationToken ct)
    {
        var result = new List<(Guid, Guid, string)>();
        foreach (var batch in Enumerable.Range(0, scale.Organisations).Chunk(2_000))
        {
            foreach (var i in batch)
            {
                var community = communities[random.Next(communities.Count)];
                var kind = i % 3 == 0 ? OrganisationKind.StateServiceProvider : OrganisationKind.Ngo;
                var name = kind == OrganisationKind.Ngo ? $"ГО «{Roots[random.Next(Roots.Length)]}ий світанок» {i}" : $"Центр надання соціальних послуг {community.Name.Value}";
                var organisation = new Organisation { Kind = kind, Name = new MultilingualText(name), TerritoryId = community.Id, ReceptionPhone = Phone() };
                organisation.RefreshSearchText();
                db.Organisations.Add(organisation);
                result.Add((organisation.Id, community.Id, community.Name.Value));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    private async Task<List<(Guid Id, Guid OrganisationId, Guid TerritoryId, string Place)>> LocationsAsync(
        List<(Guid Id, Guid TerritoryId, string Name)> organisations, CancellationToken ct)
    {
        var result = new List<(Guid, Guid, Guid, string)>();
        foreach (var batch in Enumerable.Range(0, scale.Locations).Chunk(5_000))
        {
            foreach (var i in batch)
            {
                var organisation = organisations[i % organisations.Count];
                var location = new Location { OrganisationId = organisation.Id, TerritoryId = organisation.TerritoryId, Name = new MultilingualText($"Відділення {i}") };
                location.Addresses.Add(new Address
                {
                    LocationId = location.Id,
                    Address1 = $"{Streets[random.Next(Streets.Length)]}, {random.Next(1, 200)}",
                    City = organisation.Name.Split(' ')[0],
                    StateProvince = organisation.Name,
                    PostalCode = random.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Country = "UA"
                });
                db.Locations.Add(location);
                result.Add((location.Id, organisation.Id, organisation.TerritoryId, organisation.Name));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    private async Task ServicesAsync(List<(Guid Id, Guid TerritoryId, string Name)> organisations,
        List<(Guid Id, Guid OrganisationId, Guid TerritoryId, string Place)> locations, CancellationToken ct)
    {
        var terms = await db.TaxonomyTerms.Include(t => t.Taxonomy).Where(t => t.Taxonomy!.Code == "ua-social-services-2020").ToDictionaryAsync(t => t.Code, ct);
        var groups = Enum.GetValues<TargetGroup>();
        var byOrganisation = locations.ToLookup(l => l.OrganisationId);
        var keys = new List<(string Key, Guid ServiceId, byte Weight)>();
        foreach (var batch in Enumerable.Range(0, scale.Services).Chunk(2_000))
        {
            foreach (var i in batch)
            {
                var organisation = organisations[i % organisations.Count];
                var place = byOrganisation[organisation.Id].FirstOrDefault();
                var kind = Kinds[random.Next(Kinds.Length)];
                var term = terms[kind.Term];
                var service = new Service
                {
                    OrganisationId = organisation.Id,
                    Name = new MultilingualText($"{kind.Uk} — {organisation.Name}", new Dictionary<string, string> { ["ru"] = kind.Ru, ["ro"] = kind.Ro, ["en"] = kind.En }),
                    Description = new MultilingualText($"{kind.Uk} для мешканців громади {organisation.Name}. Звертайтеся у робочі дні, фахівці допоможуть оформити документи."),
                    FreeOfCharge = random.Next(4) > 0,
                    Capacity = random.Next(5, 200),
                    LastVerifiedAt = DateTime.UtcNow.AddDays(-random.Next(0, 500)),
                    LastModified = DateTime.UtcNow.AddDays(-random.Next(0, 500)),
                    TimeZone = "Europe/Kyiv",
                };
                service.Occupancy = random.Next(0, service.Capacity!.Value + 1);
                service.Terms.Add(new ServiceTerm { ServiceId = service.Id, TaxonomyTermId = term.Id });
                service.TargetGroups.Add(new ServiceTargetGroup { ServiceId = service.Id, Group = groups[random.Next(groups.Length)] });
                service.Areas.Add(new ServiceArea { ServiceId = service.Id, TerritoryId = organisation.TerritoryId, Name = organisation.Name });
                service.Languages.Add(new ServiceLanguage { ServiceId = service.Id, Code = random.Next(5) == 0 ? "ru" : "uk" });
                service.Phones.Add(new Phone { ServiceId = service.Id, Number = Phone() });
                service.Schedules.Add(new Schedule { ServiceId = service.Id, ByDay = "MO,TU,WE,TH,FR", OpensAt = new(8, 0), ClosesAt = new(12, 0) });
                service.Schedules.Add(new Schedule { ServiceId = service.Id, ByDay = "MO,TU,WE,TH,FR", OpensAt = new(13, 0), ClosesAt = new(17, 0) });
                if (place.Id != Guid.Empty) service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = place.Id });
                service.RefreshSearchText();
                db.Services.Add(service);
                var texts = new ServiceSearchIndex.ServiceTexts(service.Name.AllForms(), term.Name.AllForms().Append(organisation.Name),
                    [organisation.Name], service.Description.AllForms());
                keys.AddRange(ServiceSearchIndex.Keys(texts).Select(k => (k.Key, service.Id, k.Value)));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await WriteKeysAsync(keys, ct);
            keys.Clear();
        }
    }

    // PostgreSQL takes the search keys by COPY; SQLite (a community) by ordinary inserts.
    private async Task WriteKeysAsync(List<(string Key, Guid ServiceId, byte Weight)> keys, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
            await using var copy = await connection.BeginBinaryImportAsync("COPY \"ServiceSearchKeys\" (\"Key\", \"ServiceId\", \"Weight\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var (key, service, weight) in keys)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(key, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(service, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync((short)weight, NpgsqlTypes.NpgsqlDbType.Smallint, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        db.ServiceSearchKeys.AddRange(keys.Select(k => new ServiceSearchKey { Key = k.Key, ServiceId = k.ServiceId, Weight = k.Weight }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private string Phone() => $"+380 {random.Next(31, 99)} {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}";
}
