using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// The territories of the seed texts. Codes follow the format of each country's classifier
/// (KATOTTH for Ukraine, CUATM for Moldova, SOATO for Belarus) but are illustrative, not official.
/// Populations marked estimate = true are plausible estimates: the seed texts do not give them.
/// </summary>
public sealed class DemoTerritories
{
    public List<Territory> All { get; } = [];

    public Territory Ukraine { get; }
    public Territory Moldova { get; }
    public Territory Belarus { get; }
    public Territory DonetskRegion { get; }
    public Territory LuhanskRegion { get; }
    public Territory ZaporizhzhiaRegion { get; }
    public Territory BakhmutDistrict { get; }
    public Territory Bakhmut { get; }
    public Territory Zaporizhzhia { get; }
    public Territory CahulDistrict { get; }
    public Territory GlodeniDistrict { get; }
    public Territory StraseniDistrict { get; }
    public Territory Cahul { get; }
    public Territory Glodeni { get; }
    public Territory Straseni { get; }
    public Territory MinskRegion { get; }
    public Territory GrodnoRegion { get; }
    public Territory ValozhynDistrict { get; }
    public Territory Valozhyn { get; }
    public Territory ShchuchynDistrict { get; }
    public Territory Shchuchyn { get; }

    /// <summary>
    /// The twelve communities of Donetsk and Luhansk regions in UNICEF's "Together" project. Their populations
    /// are estimates chosen so that together they give the "about 100,000 residents" of the seed text and the issue.
    /// </summary>
    public List<Territory> TogetherCommunities { get; } = [];

    public DemoTerritories()
    {
        Ukraine = Add(null, TerritoryLevel.Country, "Україна", "UA", "ISO3166", 41_000_000, true, "Europe/Kyiv", en: "Ukraine", ru: "Украина", ro: "Ucraina");
        Moldova = Add(null, TerritoryLevel.Country, "Republica Moldova", "MD", "ISO3166", 2_600_000, true, "Europe/Chisinau", en: "Moldova", uk: "Молдова", ru: "Молдова");
        Belarus = Add(null, TerritoryLevel.Country, "Беларусь", "BY", "ISO3166", 9_200_000, true, "Europe/Minsk", en: "Belarus", uk: "Білорусь", ro: "Belarus");

        DonetskRegion = Add(Ukraine, TerritoryLevel.Region, "Донецька область", "UA14000000000013904", "KATOTTH", 4_100_000, true, en: "Donetsk region", ru: "Донецкая область", ro: "Regiunea Donețk");
        LuhanskRegion = Add(Ukraine, TerritoryLevel.Region, "Луганська область", "UA44000000000018893", "KATOTTH", 2_100_000, true, en: "Luhansk region", ru: "Луганская область", ro: "Regiunea Luhansk");
        ZaporizhzhiaRegion = Add(Ukraine, TerritoryLevel.Region, "Запорізька область", "UA23000000000064947", "KATOTTH", 1_640_000, true, en: "Zaporizhzhia region", ru: "Запорожская область", ro: "Regiunea Zaporijjea");
        BakhmutDistrict = Add(DonetskRegion, TerritoryLevel.District, "Бахмутський район", "UA14020000000041591", "KATOTTH", 250_000, true, en: "Bakhmut district", ru: "Бахмутский район", ro: "Raionul Bahmut");
        var kramatorsk = Add(DonetskRegion, TerritoryLevel.District, "Краматорський район", "UA14120000000022533", "KATOTTH", 470_000, true, en: "Kramatorsk district", ru: "Краматорский район", ro: "Raionul Kramatorsk");
        var volnovakha = Add(DonetskRegion, TerritoryLevel.District, "Волноваський район", "UA14060000000026428", "KATOTTH", 180_000, true, en: "Volnovakha district", ru: "Волновахский район", ro: "Raionul Volnovaha");
        var starobilsk = Add(LuhanskRegion, TerritoryLevel.District, "Старобільський район", "UA44140000000037843", "KATOTTH", 130_000, true, en: "Starobilsk district", ru: "Старобельский район", ro: "Raionul Starobilsk");
        var svatove = Add(LuhanskRegion, TerritoryLevel.District, "Сватівський район", "UA44100000000071585", "KATOTTH", 60_000, true, en: "Svatove district", ru: "Сватовский район", ro: "Raionul Svatove");
        var zaporizhzhiaDistrict = Add(ZaporizhzhiaRegion, TerritoryLevel.District, "Запорізький район", "UA23060000000090462", "KATOTTH", 830_000, true, en: "Zaporizhzhia district", ru: "Запорожский район", ro: "Raionul Zaporijjea");

        Bakhmut = Community(BakhmutDistrict, "Бахмутська міська громада", "UA14020010000053143", 40_000, "Bakhmut city community", "Бахмутская городская громада", "Comunitatea urbană Bahmut");
        TogetherCommunities.AddRange(
        [
            Bakhmut,
            Community(BakhmutDistrict, "Соледарська міська громада", "UA14020110000095283", 8_000, "Soledar city community", "Соледарская городская громада", "Comunitatea urbană Soledar"),
            Community(BakhmutDistrict, "Сіверська міська громада", "UA14020130000061474", 7_000, "Siversk city community", "Северская городская громада", "Comunitatea urbană Siversk"),
            Community(kramatorsk, "Лиманська міська громада", "UA14120110000094166", 9_000, "Lyman city community", "Лиманская городская громада", "Comunitatea urbană Liman"),
            Community(kramatorsk, "Миколаївська міська громада", "UA14120130000063823", 7_000, "Mykolaivka city community", "Николаевская городская громада", "Comunitatea urbană Mîkolaivka"),
            Community(kramatorsk, "Святогірська міська громада", "UA14120170000080364", 3_000, "Sviatohirsk city community", "Святогорская городская громада", "Comunitatea urbană Sviatohirsk"),
            Community(volnovakha, "Ольгинська селищна громада", "UA14060110000048711", 4_000, "Olhynka settlement community", "Ольгинская поселковая громада", "Comunitatea Olhînka"),
            Community(volnovakha, "Великоновосілківська селищна громада", "UA14060030000017466", 5_000, "Velyka Novosilka settlement community", "Великоновоселковская поселковая громада", "Comunitatea Velîka Novosilka"),
            Community(starobilsk, "Новопсковська селищна громада", "UA44140130000012373", 6_000, "Novopskov settlement community", "Новопсковская поселковая громада", "Comunitatea Novopskov"),
            Community(starobilsk, "Біловодська селищна громада", "UA44140030000030146", 5_000, "Bilovodsk settlement community", "Беловодская поселковая громада", "Comunitatea Bilovodsk"),
            Community(svatove, "Троїцька селищна громада", "UA44100090000054752", 3_000, "Troitske settlement community", "Троицкая поселковая громада", "Comunitatea Troițke"),
            Community(starobilsk, "Мілівська селищна громада", "UA44140090000087155", 3_000, "Milove settlement community", "Меловская поселковая громада", "Comunitatea Milove"),
        ]);
        Zaporizhzhia = Community(zaporizhzhiaDistrict, "Запорізька міська громада", "UA23060070000041358", 710_000, "Zaporizhzhia city community", "Запорожская городская громада", "Comunitatea urbană Zaporijjea");

        var south = Add(Moldova, TerritoryLevel.Region, "Regiunea de dezvoltare Sud", "MD-RDS", "CUATM", 520_000, true, "Europe/Chisinau", en: "South development region", ru: "Регион развития Юг", uk: "Регіон розвитку Південь");
        var north = Add(Moldova, TerritoryLevel.Region, "Regiunea de dezvoltare Nord", "MD-RDN", "CUATM", 990_000, true, "Europe/Chisinau", en: "North development region", ru: "Регион развития Север", uk: "Регіон розвитку Північ");
        var centre = Add(Moldova, TerritoryLevel.Region, "Regiunea de dezvoltare Centru", "MD-RDC", "CUATM", 1_000_000, true, "Europe/Chisinau", en: "Centre development region", ru: "Регион развития Центр", uk: "Регіон розвитку Центр");
        CahulDistrict = Add(south, TerritoryLevel.District, "Raionul Cahul", "1700", "CUATM", 119_000, true, "Europe/Chisinau", en: "Cahul district", ru: "Кагульский район", uk: "Кагульський район");
        GlodeniDistrict = Add(north, TerritoryLevel.District, "Raionul Glodeni", "4100", "CUATM", 60_000, true, "Europe/Chisinau", en: "Glodeni district", ru: "Глодянский район", uk: "Глоденський район");
        StraseniDistrict = Add(centre, TerritoryLevel.District, "Raionul Strășeni", "8600", "CUATM", 88_000, true, "Europe/Chisinau", en: "Strășeni district", ru: "Страшенский район", uk: "Страшенський район");
        Cahul = Add(CahulDistrict, TerritoryLevel.Community, "Municipiul Cahul", "1701000", "CUATM", 30_000, true, "Europe/Chisinau", en: "Cahul municipality", ru: "Муниципий Кагул", uk: "Муніципій Кагул");
        Add(CahulDistrict, TerritoryLevel.Community, "Comuna Crihana Veche", "1729000", "CUATM", 5_000, true, "Europe/Chisinau", en: "Crihana Veche commune", ru: "Коммуна Крихана Веке", uk: "Комуна Кріхана Веке");
        Glodeni = Add(GlodeniDistrict, TerritoryLevel.Community, "Orașul Glodeni", "4101000", "CUATM", 9_000, true, "Europe/Chisinau", en: "Glodeni town", ru: "Город Глодяны", uk: "Місто Глодяни");
        Add(GlodeniDistrict, TerritoryLevel.Community, "Comuna Cuhnești", "4121000", "CUATM", 3_000, true, "Europe/Chisinau", en: "Cuhnești commune", ru: "Коммуна Кухнешть", uk: "Комуна Кухнешть");
        Straseni = Add(StraseniDistrict, TerritoryLevel.Community, "Orașul Strășeni", "8601000", "CUATM", 18_000, true, "Europe/Chisinau", en: "Strășeni town", ru: "Город Страшены", uk: "Місто Страшени");
        Add(StraseniDistrict, TerritoryLevel.Community, "Comuna Bucovăț", "8603000", "CUATM", 5_000, true, "Europe/Chisinau", en: "Bucovăț town", ru: "Город Буковэц", uk: "Місто Буковець");

        MinskRegion = Add(Belarus, TerritoryLevel.Region, "Минская область", "6000000000", "SOATO", 1_470_000, true, "Europe/Minsk", en: "Minsk region", uk: "Мінська область", ro: "Regiunea Minsk");
        GrodnoRegion = Add(Belarus, TerritoryLevel.Region, "Гродненская область", "4000000000", "SOATO", 1_000_000, true, "Europe/Minsk", en: "Grodno region", uk: "Гродненська область", ro: "Regiunea Grodno");
        ValozhynDistrict = Add(MinskRegion, TerritoryLevel.District, "Воложинский район", "6212000000", "SOATO", 47_000, true, "Europe/Minsk", en: "Valozhyn district", uk: "Воложинський район", ro: "Raionul Volojin");
        Valozhyn = Add(ValozhynDistrict, TerritoryLevel.Community, "г. Воложин", "6212501000", "SOATO", 10_000, true, "Europe/Minsk", en: "Valozhyn town", uk: "м. Воложин", ro: "Orașul Volojin");
        ShchuchynDistrict = Add(GrodnoRegion, TerritoryLevel.District, "Щучинский район", "4258000000", "SOATO", 40_000, true, "Europe/Minsk", en: "Shchuchyn district", uk: "Щучинський район", ro: "Raionul Șciucin");
        Shchuchyn = Add(ShchuchynDistrict, TerritoryLevel.Community, "г. Щучин", "4258501000", "SOATO", 15_000, true, "Europe/Minsk", en: "Shchuchyn town", uk: "м. Щучин", ro: "Orașul Șciucin");
    }

    private Territory Community(Territory district, string name, string code, int population, string en, string ru, string ro) =>
        Add(district, TerritoryLevel.Community, name, code, "KATOTTH", population, true, "Europe/Kyiv", en: en, ru: ru, ro: ro);

    private Territory Add(Territory? parent, TerritoryLevel level, string name, string code, string codeSystem, int population,
        bool estimate, string timeZone = "Europe/Kyiv", string? en = null, string? uk = null, string? ru = null, string? ro = null)
    {
        var translations = new Dictionary<string, string>();
        if (en is not null) translations["en"] = en;
        if (uk is not null) translations["uk"] = uk;
        if (ru is not null) translations["ru"] = ru;
        if (ro is not null) translations["ro"] = ro;
        var territory = new Territory
        {
            ParentId = parent?.Id,
            Level = level,
            Name = new MultilingualText(name, translations),
            Code = code,
            CodeSystem = codeSystem,
            Population = population,
            PopulationIsEstimate = estimate,
            TimeZone = timeZone,
        };
        territory.RefreshSearchText();
        All.Add(territory);
        return territory;
    }
}
