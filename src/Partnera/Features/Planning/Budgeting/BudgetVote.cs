using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// A community's participatory budget for one year: the envelope of money residents decide on, and the rules: who may
/// vote (residents who declare they live in the community and are old enough), how many projects one ballot may
/// support, and the dates for proposals and for voting (days in the community's time zone).
/// </summary>
public sealed class BudgetVote : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TerritoryId { get; set; }
    /// <summary>The authority that runs the vote and checks the proposals.</summary>
    public Guid OwnerId { get; set; }
    public int Year { get; set; }
    public decimal Envelope { get; set; }
    public string? Description { get; set; }
    public int MinimumAge { get; set; } = 16;
    public int MaxChoices { get; set; } = 3;
    public DateOnly ProposalsOpen { get; set; }
    public DateOnly ProposalsClose { get; set; }
    public DateOnly VotingOpen { get; set; }
    public DateOnly VotingClose { get; set; }
    /// <summary>Announced votes are public and take proposals and ballots on their dates; drafts are seen by the authority only.</summary>
    public bool Announced { get; set; }
    public DateTime? ResultsPublishedAt { get; set; }
    public string? ResultsPublishedBy { get; set; }

    string IAudited.AuditSubject => $"{nameof(BudgetVote)}:{Id}";
}

public enum Feasibility
{
    Pending,
    Feasible,
    NotFeasible,
}

/// <summary>
/// A costed project proposed by a resident or an organisation; the authority checks whether it can be done and
/// publishes why. Only feasible projects are on the ballot. Once results are published the project keeps the votes it
/// got and whether it is funded.
/// </summary>
public sealed class BudgetProject : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VoteId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>The organisation it is proposed on behalf of, if any.</summary>
    public Guid? OrganisationId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Cost { get; set; }
    public string CostBreakdown { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public Feasibility Feasibility { get; set; }
    public string? FeasibilityReason { get; set; }
    public DateTime? CheckedAt { get; set; }
    public string? CheckedBy { get; set; }
    public int? PublishedVotes { get; set; }
    public bool? Funded { get; set; }

    string IAudited.AuditSubject => $"{nameof(BudgetVote)}:{VoteId}";
}

/// <summary>
/// A ballot as cast: the choices sealed to the vote's public key (<see cref="BallotSeal"/>), with a random key and no
/// voter or time. It is written with the voter's <see cref="VoterRecord"/> in one transaction (so one ballot per voter
/// holds and an acknowledged ballot is never lost), which the database's transaction ids and row order can tie together;
/// that is why it is sealed: the tie leads only to ciphertext. Opened once, after voting closes, into <see cref="Ballot"/>s.
/// </summary>
public sealed class SealedBallot
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VoteId { get; set; }
    public byte[] Sealed { get; set; } = [];
}

/// <summary>
/// A vote's key pair for sealing ballots, made when its first ballot is cast. The private key is stored only wrapped by
/// the server's ballot key (<see cref="BallotKeyring"/>), which is never in the database.
/// </summary>
public sealed class BallotKey
{
    public Guid VoteId { get; set; }
    public byte[] PublicKey { get; set; } = [];
    public byte[] WrappedPrivateKey { get; set; } = [];
}

/// <summary>
/// What one voter chose, opened from a sealed ballot after voting closed, with nothing that says who they are or when
/// they voted: all of a vote's ballots are written in one transaction, in a random order, with random keys, so neither
/// keys, transaction ids nor row order match them to the register of who voted or to the sealed ballots.
/// </summary>
public sealed class Ballot
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VoteId { get; set; }
    public List<BallotChoice> Choices { get; set; } = [];
}

public sealed class BallotChoice
{
    public Guid BallotId { get; set; }
    public Guid ProjectId { get; set; }
}

/// <summary>
/// The register of who voted, kept apart from the ballots: one per person and year (a person lives in one community),
/// held unique by the database so that two requests at once, on any app instance, cannot both vote.
/// </summary>
public sealed class VoterRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VoteId { get; set; }
    public int Year { get; set; }
    public Guid UserId { get; set; }
    /// <summary>As the voter declared it, to check the minimum age if the vote is challenged.</summary>
    public DateOnly DeclaredBirthDate { get; set; }
    public DateTime VotedAt { get; set; }
}

internal sealed class BudgetVoteConfiguration : IEntityTypeConfiguration<BudgetVote>
{
    public void Configure(EntityTypeBuilder<BudgetVote> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Envelope).HasPrecision(16, 2);
        b.Property(v => v.Description).HasMaxLength(4000);
        b.Property(v => v.ResultsPublishedBy).HasMaxLength(256);
        b.HasOne<Territory>().WithMany().HasForeignKey(v => v.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // An envelope per community and year.
        b.HasIndex(v => new { v.TerritoryId, v.Year }).IsUnique();
        b.HasIndex(v => new { v.OwnerId, v.Year });
    }
}

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
{
    public void Configure(EntityTypeBuilder<BudgetProject> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.CostBreakdown).HasMaxLength(4000);
        b.Property(p => p.Cost).HasPrecision(16, 2);
        b.Property(p => p.Feasibility).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.FeasibilityReason).HasMaxLength(2000);
        b.Property(p => p.CheckedBy).HasMaxLength(256);
        b.HasOne<BudgetVote>().WithMany().HasForeignKey(p => p.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartneraUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.VoteId, p.SubmittedAt });
        b.HasIndex(p => p.AuthorId);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<BudgetVote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Choices).WithOne().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.VoteId);
    }
}

internal sealed class SealedBallotConfiguration : IEntityTypeConfiguration<SealedBallot>
{
    public void Configure(EntityTypeBuilder<SealedBallot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<BudgetVote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.VoteId);
    }
}

internal sealed class BallotKeyConfiguration : IEntityTypeConfiguration<BallotKey>
{
    public void Configure(EntityTypeBuilder<BallotKey> b)
    {
        b.HasKey(x => x.VoteId);
        b.HasOne<BudgetVote>().WithOne().HasForeignKey<BallotKey>(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotChoiceConfiguration : IEntityTypeConfiguration<BallotChoice>
{
    public void Configure(EntityTypeBuilder<BallotChoice> b)
    {
        b.HasKey(c => new { c.BallotId, c.ProjectId });
        // No foreign key to the project: a ballot stays as cast; the count only reads projects on the ballot.
        b.HasIndex(c => c.ProjectId);
    }
}

internal sealed class VoterRecordConfiguration : IEntityTypeConfiguration<VoterRecord>
{
    public void Configure(EntityTypeBuilder<VoterRecord> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<BudgetVote>().WithMany().HasForeignKey(r => r.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartneraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Year }).IsUnique();
        b.HasIndex(r => r.VoteId);
    }
}
