using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace GeneralistischWerkt.Training.Web.Data;

#pragma warning disable EF1001 // EF Core's own SQLite connection is an internal API; this type only changes how it is made.

/// <summary>
/// EF Core's SQLite connection without the seven SQL functions EF Core adds to every connection (<c>regexp</c> and the
/// <c>ef_*</c> decimal arithmetic). Microsoft.Data.Sqlite registers them again at every open, and each registration
/// leaves a finalizable handle behind: under load that was ~7,800 finalized objects per second, all promoted by the
/// garbage collector before they could go (README, Belasting). The model has no decimal column and no query uses a
/// regular expression, so nothing asks for these functions; a query that did would fail with "no such function", which
/// the tests would show.
/// </summary>
public sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly int? commandTimeout = RelationalOptionsExtension.Extract(dependencies.ContextOptions).CommandTimeout;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (commandTimeout is { } seconds) connection.DefaultTimeout = seconds;
        return connection;
    }
}
