using Partnera.Infrastructure.Text;

namespace Partnera.Tests.Platform;

public sealed class PhoneticKeyTests
{
    [Theory]
    [InlineData("Бахмут", "Bakhmut")]
    [InlineData("Bahmut", "Bakhmut")]
    [InlineData("Страшены", "Strășeni")]
    [InlineData("Straseni", "Strășeni")]
    [InlineData("Страшени", "Straşeni")]
    [InlineData("Ștefan", "Штефан")]
    [InlineData("Stefan", "Ştefan")]
    [InlineData("Александр", "Aleksandr")]
    [InlineData("Запоріжжя", "Zaporizhzhia")]
    [InlineData("Воложин", "Valozhyn")]
    public void Spellings_of_one_name_share_a_key_or_are_one_letter_apart(string a, string b)
    {
        var ka = PhoneticKey.Words(a).Single();
        var kb = PhoneticKey.Words(b).Single();
        Assert.True(PhoneticKey.Variants(ka).Intersect(PhoneticKey.Variants(kb)).Any(), $"{a} → {ka}, {b} → {kb}");
    }

    [Theory]
    [InlineData("Бахмут", "Херсон")]
    [InlineData("Cahul", "Glodeni")]
    [InlineData("догляд", "притулок")]
    public void Different_names_do_not_meet(string a, string b)
    {
        var ka = PhoneticKey.Words(a).Single();
        var kb = PhoneticKey.Words(b).Single();
        Assert.False(PhoneticKey.Variants(ka).Intersect(PhoneticKey.Variants(kb)).Any(), $"{a} → {ka}, {b} → {kb}");
    }

    [Theory]
    [InlineData("психолог", "Психологічні")]
    [InlineData("продукти", "продуктові")]
    [InlineData("продуктовий", "продукти")]
    [InlineData("бахмуті", "Бахмуту")]
    [InlineData("догляду", "догляд")]
    [InlineData("кризисной", "Кризисная")]
    [InlineData("консультація", "консультації")]
    [InlineData("serviciul", "serviciului")]
    [InlineData("locuinte", "Locuința")]
    [InlineData("інвалідністю", "інвалідність")]
    public void A_query_word_s_stem_begins_other_forms_of_the_word(string query, string stored)
    {
        var prefix = PhoneticKey.Prefix(PhoneticKey.Words(query).Single());
        var key = PhoneticKey.Words(stored).Single();
        Assert.True(prefix is not null && key.StartsWith(prefix, StringComparison.Ordinal), $"{query} → {prefix}, {stored} → {key}");
    }

    [Theory]
    [InlineData("дом")]
    [InlineData("ухода")]
    public void Short_stems_are_not_used_as_beginnings(string query) =>
        Assert.True(PhoneticKey.Prefix(PhoneticKey.Words(query).Single()) is null or { Length: >= PhoneticKey.MinStem });
}
