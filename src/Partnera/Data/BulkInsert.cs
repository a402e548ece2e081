using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Partnera.Data;

/// <summary>
/// Writes many new rows of one entity type at once, bypassing the change tracker: PostgreSQL's binary COPY, or one
/// prepared INSERT repeated inside the caller's transaction on SQLite. Columns and value conversions come from the
/// EF model, so the rows read back exactly as if SaveChanges had written them. Callers audit what they write.
/// </summary>
public static class BulkInsert
{
    public static async Task WriteAsync<T>(DbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).Select(p => new Column(p)).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, table, columns, rows, ct);
        else await InsertAsync(db, connection, table, columns, rows, ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, StoreObjectIdentifier table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Property.GetColumnName(table)!)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            // The token is checked once a row: handed to every value's write, a request's token is registered and
            // unregistered ten times a row, which an import of 100,000 rows pays for in full.
            ct.ThrowIfCancellationRequested();
            await writer.StartRowAsync(CancellationToken.None);
            foreach (var column in columns)
            {
                var value = column.StoreValue(row);
                if (value is null) await writer.WriteNullAsync(CancellationToken.None);
                else await writer.WriteAsync(value, CancellationToken.None);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task InsertAsync<T>(DbContext db, DbConnection connection, StoreObjectIdentifier table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.Property.GetRelationalTypeMapping().CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = columns[i].StoreValue(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A column with how to read its value from an entity as the database stores it (enums as text, Guids as SQLite text, and so on).</summary>
    private sealed class Column(IProperty property)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter =
            property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;

        public IProperty Property => property;

        public object? StoreValue(object row)
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
