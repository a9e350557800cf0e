using GeneralistischWerkt.Training.Web.Features.Practice;

namespace GeneralistischWerkt.Training.Web.Components.Pages.Practice;

/// <summary>An action of the signed-in user on the open session: (service, user id, session id) → refusal or null.</summary>
public delegate Task<string?> PracticeAction(PracticeService practice, string userId, long sessionId);
