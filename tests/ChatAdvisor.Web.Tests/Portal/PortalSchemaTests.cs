using System.Data.Common;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>Schema script 0007 is hand-written; these tests hold it to the EF model Identity builds for <see cref="PortalDb"/>.</summary>
public sealed class PortalSchemaTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ScriptCreatesEveryTableColumnAndIndexOfTheModelWithTheSameNullability()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var entities = db.Model.GetEntityTypes().ToList();
        Assert.Equal(
            ["AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers", "data_protection_keys", "portal_audit"],
            entities.Select(e => e.GetTableName()).Order(StringComparer.Ordinal));

        foreach (var entity in entities)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!);
            var columns = await RowsAsync(connection, $"SELECT name, \"notnull\", pk FROM pragma_table_info('{table.Name}')");
            Assert.True(columns.Count > 0, $"Table {table.Name} is missing.");
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(table)!;
                var column = columns.SingleOrDefault(c => (string)c[0] == name);
                Assert.True(column is not null, $"{table.Name}.{name} is missing.");
                if ((long)column[2] == 0)
                {
                    Assert.True(property.IsColumnNullable(table) == ((long)column[1] == 0), $"{table.Name}.{name} differs in nullability.");
                }
            }
            var mapped = entity.GetProperties().Select(p => p.GetColumnName(table)).ToHashSet();
            Assert.All(columns, c => Assert.Contains((string)c[0], mapped));

            var indexes = await RowsAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table.Name}')");
            foreach (var index in entity.GetIndexes())
            {
                var found = indexes.SingleOrDefault(i => (string)i[0] == index.GetDatabaseName(table));
                Assert.True(found is not null, $"Index {index.GetDatabaseName(table)} on {table.Name} is missing.");
                Assert.Equal(index.IsUnique, (long)found[1] == 1);
            }
        }
    }

    [Fact]
    public async Task ScriptSeedsTheTwoRolesAndNoAccount()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();

        Assert.Equal(["ADMIN", "RECRUITER"], await db.Roles.Select(r => r.NormalizedName!).OrderBy(n => n).ToListAsync());
        Assert.Equal([PortalRoles.Admin, PortalRoles.Recruiter], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.UserTokens.AnyAsync());
    }

    private static async Task<List<object[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
