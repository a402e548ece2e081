using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// A person an organisation works with. Names are kept as written in the person's documents, in Cyrillic and/or Latin.
/// Without recorded consent only the names are kept (with what the law allows: the referral itself); everything else
/// needs a consent that has not been withdrawn. Every personal value is marked, so the audit log names the field
/// changed but never copies the value.
/// </summary>
public sealed class Person : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [PersonalData] public string FamilyName { get; set; } = "";
    [PersonalData] public string GivenName { get; set; } = "";
    [PersonalData] public string? Patronymic { get; set; }
    /// <summary>The names in Latin letters as in a passport, when the person has one.</summary>
    [PersonalData] public string? LatinName { get; set; }
    [PersonalData] public DateOnly? BirthDate { get; set; }
    [PersonalData] public Sex? Sex { get; set; }
    [PersonalData] public string? Phone { get; set; }
    [PersonalData] public string? Email { get; set; }
    [PersonalData] public string? Address { get; set; }
    public Guid? TerritoryId { get; set; }
    /// <summary>The household the person lives in: the people sharing this value, each with a relation to its head.</summary>
    public Guid? HouseholdId { get; set; }
    [PersonalData] public HouseholdRelation? Relation { get; set; }
    /// <summary>The organisation that registered the person (involved in the case from the start).</summary>
    public Guid RegisteredById { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>When the person's data was erased on request: names, contacts, documents and texts are gone; sex, groups, place and the referrals' steps stay for the counts.</summary>
    public DateTime? ErasedAt { get; set; }
    /// <summary>When this record was found to be the same person as another and merged into it: kept as history, its referrals, plans and documents moved there.</summary>
    public Guid? MergedIntoId { get; set; }
    public List<PersonCategory> Categories { get; set; } = [];
    public List<PersonDocument> Documents { get; set; } = [];
    public List<Consent> Consents { get; set; } = [];
    /// <summary>The names folded to one script and case (SearchKey), so that "Коваленко", "коваленко" and "Kovalenko" find the same person.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>The sound skeletons of the family and given names (PersonMatcher), where duplicate candidates are looked up.</summary>
    public string FamilyKey { get; set; } = "";
    public string GivenKey { get; set; } = "";
    /// <summary>Set when the reader's organisation only received a referral: what the sender shared (the rest is not loaded).</summary>
    public Referrals.SharedData? SharedOnly { get; set; }

    public string FullName => string.Join(' ', new[] { FamilyName, GivenName, Patronymic }.Where(n => !string.IsNullOrWhiteSpace(n)));
    public bool HasConsent => Consents.Any(c => c.WithdrawnOn is null);

    /// <summary>Keeps <see cref="SearchText"/> in step with the names.</summary>
    public void IndexNames()
    {
        SearchText = SearchKey.For([FamilyName, GivenName, Patronymic, LatinName]);
        (FamilyKey, GivenKey) = (Matching.PersonMatcher.Skeleton(FamilyName), Matching.PersonMatcher.Skeleton(GivenName));
    }

    /// <summary>The household a new member joins through this person: theirs, or a new one they head.</summary>
    public Guid HouseholdToJoin()
    {
        if (HouseholdId is null) (HouseholdId, Relation) = (Guid.CreateVersion7(), Relation ?? HouseholdRelation.Head);
        return HouseholdId.Value;
    }

    string IAudited.AuditSubject => $"{nameof(Person)}:{Id}";
}

/// <summary>How a member of a household is related to the person at its head (as a household questionnaire asks it).</summary>
public enum HouseholdRelation
{
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    OtherRelative,
    Guardian,
    Ward,
    NotRelated,
}

public enum Sex
{
    Female,
    Male,
}

/// <summary>A vulnerable group the person belongs to, from a date (and until one, when it ended).</summary>
public sealed class PersonCategory : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    /// <summary>Belonging to a vulnerable group is itself sensitive: the log names the field, not the group.</summary>
    [PersonalData] public TargetGroup Group { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

public enum DocumentKind
{
    Passport,
    IdCard,
    BirthCertificate,
    TaxNumber,
    DisabilityCertificate,
    Other,
}

/// <summary>A document of the person: its number is kept whole so that it can be matched, and shown masked.</summary>
public sealed class PersonDocument : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>
    /// Upper case, letters and digits only, Cyrillic letters that look like Latin ones written as the Latin
    /// (<see cref="Normalise"/>), so that "АА 123456", "aa123456" and "AA-123456" match.
    /// </summary>
    [PersonalData] public string Number { get; set; } = "";

    /// <summary>All but the last three characters hidden.</summary>
    public string Masked => Number.Length <= 3 ? new string('•', Number.Length) : new string('•', Number.Length - 3) + Number[^3..];

    /// <summary>Series are typed in Cyrillic or in the Latin letters that look the same (А В Е К М Н О Р С Т Х І): one form for both.</summary>
    public const string Cyrillic = "АВЕКМНОРСТХІ", Latin = "ABEKMHOPCTXI";

    /// <summary>Rewrites stored numbers as <see cref="Normalise"/> now writes them (SQLite and PostgreSQL alike).</summary>
    public static string LatinSeriesSql =>
        $"UPDATE \"PersonDocuments\" SET \"Number\" = {Cyrillic.Zip(Latin).Aggregate("\"Number\"", (e, p) => $"replace({e}, '{p.First}', '{p.Second}')")}";

    public static string Normalise(string typed)
    {
        var kept = string.Concat(typed.Where(char.IsLetterOrDigit)).ToUpperInvariant().ToCharArray();
        for (var i = 0; i < kept.Length; i++)
        {
            var at = Cyrillic.IndexOf(kept[i], StringComparison.Ordinal);
            if (at >= 0) kept[i] = Latin[at];
        }
        return new string(kept);
    }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

/// <summary>
/// The person's consent to an organisation processing their data for a purpose: when, recorded by whom, the signed
/// form; and its withdrawal.
/// </summary>
public sealed class Consent : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public string Purpose { get; set; } = "";
    public DateOnly GivenOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public Guid? FormDocumentId { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawnRecordedBy { get; set; }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

public enum Involvement
{
    Registered,
    ReferralSent,
    ReferralReceived,
    ProvidesService,
}

/// <summary>
/// An organisation involved in a person's case, and how: only involved organisations see the person (see PersonAccess).
/// </summary>
public sealed class PersonInvolvement : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Involvement Kind { get; set; }
    public DateTime Since { get; set; }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.FamilyName).HasMaxLength(100);
        b.Property(p => p.GivenName).HasMaxLength(100);
        b.Property(p => p.Patronymic).HasMaxLength(100);
        b.Property(p => p.LatinName).HasMaxLength(200);
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.Relation).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => p.HouseholdId);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.Address).HasMaxLength(500);
        b.Property(p => p.SearchText).HasMaxLength(800);
        b.Property(p => p.FamilyKey).HasMaxLength(100);
        b.Property(p => p.GivenKey).HasMaxLength(100);
        // The duplicate check's blocks (see DuplicateFinder): both name skeletons either way round, or a date of birth
        // with one name's skeleton, answered from the index without reading everyone born that day.
        b.HasIndex(p => new { p.FamilyKey, p.GivenKey });
        b.HasIndex(p => new { p.GivenKey, p.FamilyKey });
        b.HasIndex(p => new { p.BirthDate, p.FamilyKey, p.GivenKey });
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Categories).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.FullName);
        b.Ignore(p => p.HasConsent);
        b.Ignore(p => p.SharedOnly);
        b.HasIndex(p => new { p.FamilyName, p.GivenName });
        b.HasIndex(p => p.RegisteredById);
    }
}

internal sealed class PersonCategoryConfiguration : IEntityTypeConfiguration<PersonCategory>
{
    public void Configure(EntityTypeBuilder<PersonCategory> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Group).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(c => new { c.PersonId, c.Group });
    }
}

internal sealed class PersonDocumentConfiguration : IEntityTypeConfiguration<PersonDocument>
{
    public void Configure(EntityTypeBuilder<PersonDocument> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Number).HasMaxLength(60);
        b.Ignore(d => d.Masked);
        // Number first: the duplicate check looks a number up whatever kind of document it was entered as.
        b.HasIndex(d => new { d.Number, d.Kind });
        b.HasIndex(d => d.PersonId);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Purpose).HasMaxLength(1000);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
        b.Property(c => c.WithdrawnRecordedBy).HasMaxLength(256);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredDocument>().WithMany().HasForeignKey(c => c.FormDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.PersonId);
    }
}

internal sealed class PersonInvolvementConfiguration : IEntityTypeConfiguration<PersonInvolvement>
{
    public void Configure(EntityTypeBuilder<PersonInvolvement> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.PersonId, i.OrganisationId, i.Kind }).IsUnique();
        b.HasIndex(i => i.OrganisationId);
    }
}
