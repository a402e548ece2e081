using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Infrastructure.Text;

public static class MultilingualTextMapping
{
    private static readonly ValueComparer<Dictionary<string, string>> TranslationsComparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
        d => new Dictionary<string, string>(d));

    /// <summary>Maps a <see cref="MultilingualText"/> to a value column and a JSON translations column.</summary>
    public static void IsMultilingual(this ComplexPropertyBuilder<MultilingualText> text, string column, int maxLength)
    {
        text.Property(nameof(MultilingualText.Value)).HasColumnName(column).HasMaxLength(maxLength).IsRequired();
        text.Property(nameof(MultilingualText.Translations))
            .HasColumnName(column + "Translations")
            .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, string>, string>(
                d => JsonSerializer.Serialize(d, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, JsonSerializerOptions.Default) ?? new Dictionary<string, string>()))
            .Metadata.SetValueComparer(TranslationsComparer);
        text.Property(nameof(MultilingualText.Translations)).IsRequired();
    }
}
