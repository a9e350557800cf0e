using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Bidirectional formatting characters in names and titles: refused when a beheerder types them, and shown
/// neutralised when they were stored before (every read of a name or title goes through DisplayText).
/// </summary>
public class BidiNamesTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Theory]
    [InlineData("Ann\u202Enimda")]
    [InlineData("\u2066Bram\u2069")]
    [InlineData("Cas\u200F")]
    public async Task An_account_or_team_name_with_direction_controls_is_refused(string name)
    {
        var account = await w.Db.Accounts.CreateAccountAsync(new NewAccount(name, "nieuw@test.be", "Geldig-Wachtwoord-1", [Roles.Coach]));
        Assert.Equal(["De naam bevat onzichtbare tekens die de leesrichting omkeren (bijvoorbeeld U+202E). Typ de naam opnieuw zonder die tekens."],
            account.Errors);

        var team = await w.Db.Teams.CreateTeamAsync(name, [w.Wout], []);
        Assert.Equal(["De teamnaam bevat onzichtbare tekens die de leesrichting omkeren (bijvoorbeeld U+202E). Typ de teamnaam opnieuw zonder die tekens."],
            team.Errors);
        var existing = await w.Db.Teams.CreateTeamAsync("Team Oost", [w.Wout], []);
        Assert.False((await w.Db.Teams.RenameTeamAsync(existing.Value, name)).Succeeded);
        Assert.Equal("Team Oost", (await w.Db.Teams.GetTeamAsync(existing.Value))!.Name);
    }

    [Fact]
    public async Task Names_and_titles_stored_earlier_are_shown_neutralised_everywhere()
    {
        var team = await w.Db.Teams.CreateTeamAsync("Team Oost", [w.Wout], [w.Ann]);
        await w.Db.WithDbAsync(async db =>
        {
            // As if written before the check existed (raw SQL: no rule of the app in between).
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"DisplayName\" = {0} WHERE \"Id\" = {1}", "Ann\u202E Coach", w.Ann);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Teams\" SET \"Name\" = {0} WHERE \"Id\" = {1}", "Team\u2067 Oost", team.Value);
            return await db.Database.ExecuteSqlRawAsync("UPDATE \"Reflections\" SET \"Title\" = {0} WHERE \"Id\" = {1}", "Mijn\u202D titel", w.SharedReflection);
        });

        Assert.Equal("Ann Coach", (await w.Db.Accounts.GetAccountAsync(w.Ann))!.DisplayName);
        Assert.Contains("Team Oost", (await w.Db.Accounts.GetAccountAsync(w.Ann))!.Teams);
        Assert.Equal("Team Oost", (await w.Db.Teams.GetTeamAsync(team.Value))!.Name);
        var inbox = Assert.Single(await w.Reflections.InboxAsync(w.Wout));
        Assert.Equal(("Mijn titel", "Ann Coach"), (inbox.Title, inbox.AuthorName));
        var reader = await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        Assert.Equal(("Mijn titel", "Ann Coach"), (reader!.Reflection.Title, reader.AuthorName));
        var session = await w.Supervision.OpenAsync(w.Wout, w.Session);
        Assert.Equal("Ann Coach", session!.CoachName);
        Assert.Contains(session.Agenda, item => item.Title == "Mijn titel");
    }
}
