using GeneralistischWerkt.Training.Web.Data;
using Npgsql;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>The PostgreSQL connection settings the app adds for load (README, Belasting), and that written ones win.</summary>
public class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Adds_automatic_preparation_and_no_reset_to_a_plain_connection_string()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db.dienst.be;Database=gwt;Username=gwt;Password=geheim"));
        Assert.Equal(20, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db.dienst.be", result.Host);
        Assert.Equal("gwt", result.Database);
        Assert.Equal("geheim", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Database=gwt;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;Database=gwt;maxautoprepare=0;NoResetOnClose=false")]
    public void Keeps_what_the_connection_string_says_in_either_spelling(string configured)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults(configured));
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }
}
