// The scenario player's one browser-side job: after a choice, bring the new line (or the debrief's top) to the
// learner. Focus goes to a non-button element (tabindex=-1), so a second Enter cannot answer the next question unread.
// The page marks that element with data-gwt-reveal, a new value per choice; this script notices the mark when Blazor
// puts it in the page. The server does not call a function after each render: that saved a round trip per choice
// (README, Belasting). A page opened or reloaded carries no mark, so focus stays where the browser puts it.
(() => {
    let revealed = null;

    function reveal(element) {
        const mark = element.getAttribute("data-gwt-reveal");
        if (!mark || mark === revealed) return;
        revealed = mark;
        element.focus({ preventScroll: true });
        const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        element.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
    }

    function marked(node) {
        if (!(node instanceof Element)) return null;
        return node.matches("[data-gwt-reveal]") ? node : node.querySelector("[data-gwt-reveal]");
    }

    new MutationObserver(records => {
        let target = null;
        for (const record of records) {
            if (record.type === "attributes") target = marked(record.target) ?? target;
            else for (const node of record.addedNodes) target = marked(node) ?? target;
        }
        if (target) reveal(target);
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-gwt-reveal"] });
})();
