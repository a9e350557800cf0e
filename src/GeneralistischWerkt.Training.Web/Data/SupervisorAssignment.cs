namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>
/// Which werkbegeleider supervises which coach, and since when. History is kept (EndedAt set instead of deleting)
/// because what a werkbegeleider may see depends on the period in which they supervised the coach.
/// At most one open assignment (EndedAt null) per coach; a unique filtered index enforces it.
/// </summary>
public class SupervisorAssignment
{
    public int Id { get; set; }
    public string CoachId { get; set; } = "";
    public ApplicationUser? Coach { get; set; }
    public string SupervisorId { get; set; } = "";
    public ApplicationUser? Supervisor { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
