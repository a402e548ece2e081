using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be sent, written with the work that caused it: a mail server that is down delays it, never loses
/// it. Sent messages keep only who, what and when (their body, which may hold a sign-in link, is cleared).
/// </summary>
public sealed class OutboxMessage
{
    public const int ErrorLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? HtmlBody { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not before this time: the next try after a failure (back-off).</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>The instance sending it and until when it holds it: another instance takes it only after that.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        b.Property(m => m.LockedBy).HasMaxLength(200);
        // The dispatcher's question: unsent messages that are due.
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}
