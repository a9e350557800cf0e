using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>
/// The same model as <see cref="ApplicationDbContext"/>, on PostgreSQL. EF Core ties a migration set to a context type
/// ("Migrations with Multiple Providers", one context type per provider), so PostgreSQL's migrations
/// (Data/PostgresMigrations) belong to this type and SQLite's (Data/Migrations) to the base. Everything else in the
/// app asks for <see cref="ApplicationDbContext"/> and gets this one when <c>Database:Provider</c> is <c>Postgres</c>.
/// Add a migration to both sets with <c>scripts/add-migration.sh Name</c>.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : ApplicationDbContext(options);
