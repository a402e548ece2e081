using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Resources;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// How much one imported file may hold (setting section <c>Imports</c>), so that no upload can exhaust the server:
/// every import reads its file within these limits and refuses it with a clear message when it goes beyond.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Imports";

    /// <summary>The file as uploaded.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Data rows (records of a JSON or package import).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Characters in one cell.</summary>
    public int MaxCellLength { get; set; } = 4_000;

    /// <summary>Columns in one row.</summary>
    public int MaxColumns { get; set; } = 500;

    /// <summary>What a zipped file (.xlsx, an HSDS package) may unpack to, all its parts together.</summary>
    public long MaxUncompressedBytes { get; set; } = 100 * 1024 * 1024;

    public ImportRefusedException FileTooLarge() => new("Import_FileTooLarge", Megabytes(MaxFileBytes));
    public ImportRefusedException TooManyRows() => new("Import_TooManyRows", MaxRows);
    public ImportRefusedException TooManyColumns() => new("Import_TooManyColumns", MaxColumns);
    public ImportRefusedException CellTooLong(int? row) =>
        row is { } r ? new("Import_CellTooLongInRow", r, MaxCellLength) : new("Import_CellTooLong", MaxCellLength);
    public ImportRefusedException Unpacks() => new("Import_Unpacks", Megabytes(MaxUncompressedBytes));

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>The uploaded file in memory, refused as soon as it grows beyond <see cref="MaxFileBytes"/>.</summary>
    public async Task<byte[]> ReadAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) throw FileTooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The request body an upload form may send: room for the largest file refused with a message, not cut off.</summary>
    public long MaxRequestBytes => 2 * MaxFileBytes + 1024 * 1024;
}

/// <summary>A file beyond an <see cref="ImportLimits"/> limit: the shared resource key of the message and its arguments.</summary>
public sealed class ImportRefusedException(string key, params object[] arguments) : Exception("The file is beyond an import limit.")
{
    public string Localised(IStringLocalizer<SharedStrings> strings) => strings[key, arguments].Value;
}
