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
}
