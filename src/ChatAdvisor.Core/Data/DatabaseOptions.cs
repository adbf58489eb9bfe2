using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, one machine) or <c>Postgres</c> (several instances).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Default: a SQLite file <c>data/chatadvisor.db</c> under the content root;
    /// a relative SQLite path is resolved against the content root.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/chatadvisor.db";

    /// <summary>Apply pending schema scripts when the host starts. Default true.</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
