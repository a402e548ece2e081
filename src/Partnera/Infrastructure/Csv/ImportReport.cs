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

    /// <summary>
    /// Every problem as a CSV file the user opens beside theirs (row, column, problem), with a BOM so that Excel reads it
    /// as UTF-8; the column names and messages repeat what the file said, so they are written as text that never runs.
    /// </summary>
    public static byte[] ProblemsCsv(IEnumerable<RowError> errors)
    {
        var csv = new System.Text.StringBuilder("row,column,problem\n");
        foreach (var e in errors)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{e.Row},{SpreadsheetText.CsvField(e.Field, quote: true)},{SpreadsheetText.CsvField(e.Message, quote: true)}\n");
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
