namespace Partnera.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use: <c>Database:Provider</c> and <c>ConnectionStrings:Partnera</c>.</summary>
public static class DatabaseOptions
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/partnera.db";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider is '{value}'. Use 'Sqlite' (the default, an embedded file) or 'Postgres' with ConnectionStrings:Partnera.");
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var value = configuration.GetConnectionString("Partnera");
        if (!string.IsNullOrWhiteSpace(value)) return value;
        return provider == DatabaseProvider.Sqlite
            ? DefaultSqliteConnection
            : throw new InvalidOperationException("Database:Provider is 'Postgres' but ConnectionStrings:Partnera is not set.");
    }
}
