namespace Partnera.Features.People.Matching;

/// <summary>
/// Why a pair was proposed, as the resource keys of short phrases a caseworker reads ("same document; same birth date;
/// family name spelled differently; same village (few people of these names there)"), strongest evidence first.
/// </summary>
public static class MatchWhy
{
    public static IReadOnlyList<string> Phrases(MatchScore s)
    {
        var phrases = new List<string>();
        if (s.SameDocument) phrases.Add("Why_SameDocument");
        else if (s.DocumentsDiffer) phrases.Add("Why_DocumentsDiffer");
        phrases.Add(s.BirthDate switch { 1 => "Why_SameBirth", 0.9 => "Why_BirthSwapped", 0.5 => "Why_NoBirth", _ => "Why_BirthDiffers" });
        if (s.NamesSwapped) phrases.Add("Why_NamesSwapped");
        phrases.Add(Name(s.FamilyName, "Family"));
        phrases.Add(Name(s.GivenName, "Given"));
        if (s.Patronymic is { } p) phrases.Add(p > 0 ? "Why_SamePatronymic" : "Why_PatronymicDiffers");
        if (s.Address is { } a)
            phrases.Add(a < 0.75 ? "Why_PlaceDiffers" : s.SameHome ? "Why_SameHome" : s.RarePlace ? "Why_SamePlaceRare" : "Why_SamePlaceCommon");
        if (s.RareNames && s.BirthDate == 0.5) phrases.Add("Why_RareNames");
        if (s.SexDiffers) phrases.Add("Why_SexDiffers");
        if (s.Linked) phrases.Add("Why_Linked");
        return phrases;
    }

    private static string Name(double score, string which) => score switch
    {
        1 => $"Why_Same{which}",
        > 0 => $"Why_{which}Spelled",
        _ => $"Why_{which}Differs",
    };
}
