using Partnera.Features.People;
using Partnera.Features.People.Matching;

namespace Partnera.Tests.Features.People;

public sealed class MatcherTests
{
    private static readonly DateOnly Born = new(1980, 5, 7);

    [Theory]
    [InlineData("Олександр", "Александр")]
    [InlineData("Олександр", "Oleksandr")]
    [InlineData("Олександр", "Aleksandr")]
    [InlineData("Александр", "Alexandru")]
    [InlineData("Ștefan", "Stefan")]
    [InlineData("Ștefan", "Штефан")]
    [InlineData("Şţefan", "Ștefan")]
    [InlineData("Коваленко", "Kovalenko")]
    [InlineData("Григорій", "Григорий")]
    [InlineData("Țurcanu", "Цуркан")]
    public void Spellings_of_one_name_across_scripts_and_languages_share_a_skeleton(string a, string b) =>
        Assert.Equal(PersonMatcher.Skeleton(a), PersonMatcher.Skeleton(b));

    [Theory]
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Kovalenko", "Aleksandr", "1980-05-07")]
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Олександр", "Коваленко", "1980-05-07")] // swapped names
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Коваленко", "Олександр", "1980-07-05")] // day and month swapped
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Ковалинко", "Олександр", "1980-05-07")] // a typo
    [InlineData("Rusu", "Ștefan", "1975-03-09", "Русу", "Штефан", "1975-03-09")]
    [InlineData("Микола", "Ткачук", "1961-11-02", "Tkachuk", "Nikolai", "1961-11-02")] // Mykola is Nikolai in Russian, written swapped
    [InlineData("Ionescu", "Ecaterina", "1990-01-30", "Ионеску", "Екатерина", "1990-01-30")]
    public void The_same_person_written_differently_is_a_probable_match(string family1, string given1, string born1, string family2, string given2, string born2)
    {
        var score = PersonMatcher.Score(Input(family1, given1, born1), Input(family2, given2, born2));
        Assert.True(score.Probable, $"{score}");
    }

    [Theory]
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Коваленко", "Олександр", "1991-02-11")] // namesakes
    [InlineData("Коваленко", "Олександр", "1980-05-07", "Петренко", "Марія", "1980-05-07")]
    [InlineData("Rusu", "Ștefan", "1975-03-09", "Rusu", "Ion", "1975-03-09")] // brothers born on one day
    [InlineData("Савчук", "Олена", "1980-05-07", "Шевчук", "Олена", "")] // two families, one skeleton, no date to tell
    [InlineData("Rusu", "Ștefan", "1975-03-09", "Rusu", "Stefan", "")] // no date on one side and nothing else to tell them from namesakes
    public void Different_people_are_not_matched(string family1, string given1, string born1, string family2, string given2, string born2)
    {
        var score = PersonMatcher.Score(Input(family1, given1, born1), Input(family2, given2, born2));
        Assert.False(score.Probable, $"{score}");
    }

    [Fact]
    public void A_shared_document_number_makes_a_match_whatever_the_names_and_the_score_says_why()
    {
        var score = PersonMatcher.Score(new MatchRecord("Бондар", "Ганна", null, ["АА123456"]), new MatchRecord("Bondarenko", "Hanna", Born, ["АА 123456"]));
        Assert.True(score.SameDocument);
        Assert.True(score.Probable);
        Assert.Equal(0.5, score.BirthDate);
    }

    [Fact]
    public void Without_a_date_of_birth_the_same_address_tells_a_person_from_a_namesake()
    {
        var held = new MatchRecord("Rusu", "Ștefan", new DateOnly(1975, 3, 9), [], address: "Cahul, str. Păcii 44");
        var sameHome = new MatchRecord("Русу", "Штефан", null, [], address: "Кахул, стр. Пэчий 44");
        var elsewhere = new MatchRecord("Rusu", "Stefan", null, [], address: "Bălți, str. Decebal 3");
        Assert.True(PersonMatcher.Score(held, sameHome).Probable, $"{PersonMatcher.Score(held, sameHome)}");
        Assert.False(PersonMatcher.Score(held, elsewhere).Probable);
    }

    [Fact]
    public void A_different_patronymic_or_sex_means_another_person()
    {
        var held = new MatchRecord("Коваленко", "Олександр", Born, [], "Петрович", Sex.Male);
        Assert.True(PersonMatcher.Score(held, new MatchRecord("Kovalenko", "Aleksandr", Born, [], "Petrovich", Sex.Male)).Probable);
        Assert.False(PersonMatcher.Score(held, new MatchRecord("Коваленко", "Олександр", Born, [], "Іванович", Sex.Male)).Probable);
        Assert.False(PersonMatcher.Score(held, new MatchRecord("Коваленко", "Олександра", Born, [], null, Sex.Female)).Probable);
    }

    private static MatchRecord Input(string family, string given, string born) =>
        new(family, given, born.Length == 0 ? null : DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), []);
}
