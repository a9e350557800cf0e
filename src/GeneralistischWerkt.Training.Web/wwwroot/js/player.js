// The scenario player's one browser-side job: after a choice, bring the new line (or the debrief's top) to the
// learner. Focus goes to a non-button element (tabindex=-1), so a second Enter cannot answer the next question unread.
export function reveal(selector) {
    const element = document.querySelector(selector);
    if (!element) return false;
    element.focus({ preventScroll: true });
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
    return true;
}
