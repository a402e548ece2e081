namespace Partnera.Features.Directory.Corrections;

/// <summary>Reads and writes the correctable fields of a service, so suggestions show what they would change.</summary>
public static class CorrectionFields
{
    public static string Current(Service s, CorrectableField field) => field switch
    {
        CorrectableField.Name => s.Name.Value,
        CorrectableField.Description => s.Description.Value,
        CorrectableField.Eligibility => s.Eligibility.Value,
        CorrectableField.ApplicationProcess => s.ApplicationProcess.Value,
        CorrectableField.FeesDescription => s.FeesDescription ?? "",
        CorrectableField.Phone => s.Phones.Select(p => p.Number).FirstOrDefault() ?? "",
        CorrectableField.Email => s.Email ?? "",
        CorrectableField.Website => s.Url ?? "",
        _ => s.Alert ?? "",
    };

    public static void Apply(Service s, CorrectableField field, string value)
    {
        var text = value.Trim();
        switch (field)
        {
            case CorrectableField.Name: s.Name = new(text, s.Name.Translations); break;
            case CorrectableField.Description: s.Description = new(text, s.Description.Translations); break;
            case CorrectableField.Eligibility: s.Eligibility = new(text, s.Eligibility.Translations); break;
            case CorrectableField.ApplicationProcess: s.ApplicationProcess = new(text, s.ApplicationProcess.Translations); break;
            case CorrectableField.FeesDescription: s.FeesDescription = text; break;
            case CorrectableField.Email: s.Email = text; break;
            case CorrectableField.Website: s.Url = text; break;
            case CorrectableField.Alert: s.Alert = text; break;
            case CorrectableField.Phone:
                var phone = s.Phones.FirstOrDefault();
                if (phone is null) s.Phones.Add(new Phone { ServiceId = s.Id, Number = text });
                else phone.Number = text;
                break;
        }
    }

    /// <summary>How long a proposed value may be, by field.</summary>
    public static int MaxLength(CorrectableField field) => field switch
    {
        CorrectableField.Name => 300,
        CorrectableField.Description => 4000,
        CorrectableField.Phone => 60,
        CorrectableField.Email => 256,
        CorrectableField.Website => 300,
        _ => 2000,
    };
}
