namespace Partnera.Infrastructure.Csv;

/// <summary>
/// The outcome of a file import: every bad row by number (the header is row 1) with the field and the
/// message, or how many records were created and updated when the whole file was good.
/// </summary>
public sealed class ImportReport
{
    public List<RowError> Errors { get; } = [];
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Rows { get; set; }
    public bool Saved => Errors.Count == 0 && Rows > 0;

    public void Add(int row, string field, string message) => Errors.Add(new RowError(row, field, message));

    public sealed record RowError(int Row, string Field, string Message);
}
