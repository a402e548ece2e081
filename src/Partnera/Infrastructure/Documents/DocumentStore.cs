using System.Security.Cryptography;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Infrastructure.Documents;

/// <summary>
/// Accepts uploaded documents after checking their size and that their content really is
/// a PDF, PNG or JPEG (the first bytes, not the name or the browser's claim).
/// </summary>
public sealed class DocumentStore(PartneraDbContext db, CurrentUser user, TimeProvider time, IConfiguration configuration)
{
    public long MaxBytes => configuration.GetValue("Documents:MaxBytes", 10L * 1024 * 1024);

    /// <summary>The limit as people read it: "10 MB", or "512 KB" below a megabyte.</summary>
    public string MaxSizeText => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{Math.Max(1, MaxBytes / 1024)} KB";

    /// <summary>Adds the document to the context (saved with the caller's SaveChanges) or returns the resource key of the error.</summary>
    public async Task<(StoredDocument? Document, string? Error)> AddAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, "Document_Empty");
        if (file.Length > MaxBytes) return (null, "Document_TooLarge");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var type = Sniff(content);
        if (type is null) return (null, "Document_WrongType");
        var document = new StoredDocument
        {
            FileName = DocumentDownload.CleanName(file.FileName, type),
            ContentType = type,
            Length = content.Length,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = time.GetUtcNow().UtcDateTime,
            UploadedBy = user.Id,
        };
        db.Documents.Add(document);
        return (document, null);
    }

    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };
}
