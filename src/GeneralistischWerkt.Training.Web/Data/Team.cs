namespace GeneralistischWerkt.Training.Web.Data;

public class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<TeamMembership> Memberships { get; set; } = [];
}

public enum TeamRole
{
    Member = 0,
    Supervisor = 1,
}

/// <summary>A user in a team, either as member (coach) or as one of the team's werkbegeleiders.</summary>
public class TeamMembership
{
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser? User { get; set; }
    public TeamRole Role { get; set; }
}
