using Partnera.Infrastructure.Text;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// Finds one of a few communities (a campaign's, a district's) from what a spreadsheet cell says: its code, any form of its name in any script, or
/// a whole word of one community's name and of no other's ("Strășeni" for "Orașul Strășeni").
/// </summary>
public sealed class CommunityNames
{
    private readonly Dictionary<string, Guid> keys = [];

    public CommunityNames(IEnumerable<(Guid Id, string? Code, MultilingualText Name)> communities)
    {
        foreach (var (id, code, name) in communities)
        {
            if (code is not null) keys.TryAdd(SearchKey.For(code), id);
            foreach (var form in name.AllForms()) keys.TryAdd(SearchKey.For(form), id);
        }
    }

    public Guid? Find(string cell)
    {
        var key = SearchKey.For(cell);
        if (keys.TryGetValue(key, out var id)) return id;
        var partial = keys.Where(k => (" " + k.Key + " ").Contains(" " + key + " ", StringComparison.Ordinal)).Select(k => k.Value).Distinct().ToList();
        return partial.Count == 1 ? partial[0] : null;
    }
}
