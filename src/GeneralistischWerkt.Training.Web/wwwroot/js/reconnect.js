// The notice shown while the connection to the server is lost (Components/Layout/ReconnectModal.razor).
// - Its link reloads the page the user is on; a plain href="" would lead to the base address, the start page.
// - When the server answers but no longer knows this page (it restarted), a page without unsaved text reloads at once:
//   everything it shows is stored on the server, so a live session comes back at the same point without anyone acting.
//   A page with unsaved text is left to autosave.js, which reloads with the browser's copy of that text.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    modal.addEventListener("click", event => {
        if (!event.target.closest("a[data-reload]")) return;
        event.preventDefault();
        location.reload();
    });
    new MutationObserver(() => {
        if (modal.classList.contains("components-reconnect-rejected") && !document.querySelector("[data-dirty]")) location.reload();
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();
