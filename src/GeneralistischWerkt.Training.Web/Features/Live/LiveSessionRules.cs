using GeneralistischWerkt.Training.Web.Data;

namespace GeneralistischWerkt.Training.Web.Features.Live;

/// <summary>What someone does in a live session; each kind adds its own steps on top of these.</summary>
public enum LiveAction
{
    /// <summary>Join (by one click or by code).</summary>
    Join,

    /// <summary>Open a planned session for joining.</summary>
    Open,

    /// <summary>Start an open session.</summary>
    Start,

    /// <summary>Lead the session: move to another step or phase, assign roles.</summary>
    Lead,

    /// <summary>Contribute as a participant: a vote, a tick, a note, a contribution.</summary>
    Contribute,

    /// <summary>Hand the facilitator role to another participant who joined.</summary>
    HandOver,

    /// <summary>End the session.</summary>
    End,
}

/// <summary>
/// The generic state machine: who may do what in which status. Pure, so it is tested on its own; the service applies it
/// to the stored state of every event, and kinds check their own phases (within <see cref="LiveSessionStatus.Running"/>)
/// after it. Every refusal is a Dutch sentence the page shows as is.
/// </summary>
public static class LiveSessionRules
{
    public const string NotParticipant = "Je neemt niet deel aan deze sessie.";
    public const string OnlyFacilitator = "Alleen wie de sessie leidt kan dit doen.";
    public const string Ended = "Deze sessie is afgelopen.";
    public const string NotYetOpen = "Deze sessie is nog niet geopend.";
    public const string NotYetStarted = "Deze sessie is nog niet gestart.";
    public const string AlreadyStarted = "Deze sessie is al gestart.";

    /// <param name="isParticipant">Joined (for <see cref="LiveAction.Join"/>: allowed to join).</param>
    public static string? Check(LiveAction action, LiveSessionStatus status, bool isParticipant, bool isFacilitator)
    {
        if (!isParticipant) return NotParticipant;
        if (status == LiveSessionStatus.Ended) return Ended;
        return action switch
        {
            LiveAction.Join => status == LiveSessionStatus.Planned ? NotYetOpen : null,
            LiveAction.Open => !isFacilitator ? OnlyFacilitator : status != LiveSessionStatus.Planned ? "Deze sessie is al geopend." : null,
            LiveAction.Start => !isFacilitator ? OnlyFacilitator
                : status == LiveSessionStatus.Planned ? NotYetOpen
                : status == LiveSessionStatus.Running ? AlreadyStarted : null,
            LiveAction.Lead => !isFacilitator ? OnlyFacilitator : null,
            LiveAction.Contribute => status != LiveSessionStatus.Running ? NotYetStarted : null,
            LiveAction.HandOver => !isFacilitator ? OnlyFacilitator : null,
            LiveAction.End => !isFacilitator ? OnlyFacilitator : null,
            _ => "Onbekende actie.",
        };
    }
}
