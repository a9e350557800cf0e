// The browser's half of autosave (Features/Editing/AutosaveDocument.cs is the server's half).
//
// Why: typed text lives in the page until the server has written it. If the live connection drops, the server
// restarts or the tab closes in between, only the browser still has it. So every keystroke is also kept in this
// browser's localStorage, and the copy is removed as soon as the server shows (data-saved-hash) that it stored exactly
// what is in the fields. While the connection is gone and text is unsaved, the status says so; when it comes back,
// the fields are sent again; on the next visit a copy that was never saved is handed back to the server.

const prefix = "gwt:onbewaard:";
const forms = new Set();
// "ok", "weg" (reconnecting), "mislukt" (gave up; the server does not answer) or "verlopen" (the server answered but
// no longer knows this page, e.g. after a restart).
let connection = "ok";
let reloadingWithCopy = false;
let hooked = false;

const offlineText = {
    weg: "Niet bewaard — we proberen opnieuw.",
    mislukt: "Niet bewaard — de server antwoordt niet. Je tekst blijft in deze browser; laad de pagina opnieuw zodra de verbinding terug is.",
    verlopen: "Niet bewaard — de pagina laadt opnieuw en je tekst komt terug.",
};

// FNV-1a over UTF-16 code units; TextFingerprint.Of computes the same on the server.
function fingerprint(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
}

function fieldsOf(form) {
    return Array.from(form.querySelectorAll("[data-autosave-field]"));
}

function isDirty(form) {
    return fieldsOf(form).some(field => fingerprint(field.value) !== field.dataset.savedHash);
}

// Each tab keeps its own copy (a tab id in sessionStorage survives a reload of that tab), so a tab whose text is
// saved never removes the copy of another tab that is still typing.
function tabId() {
    try {
        let id = sessionStorage.getItem("gwt:tab");
        if (!id) {
            id = Math.random().toString(36).slice(2) + Date.now().toString(36);
            sessionStorage.setItem("gwt:tab", id);
        }
        return id;
    } catch {
        return "tab";
    }
}

function itemPrefix(form) {
    return prefix + form.dataset.autosave + "#";
}

function storageKey(form) {
    return itemPrefix(form) + tabId();
}

function readCopy(key) {
    try {
        const raw = localStorage.getItem(key);
        const copy = raw ? JSON.parse(raw) : null;
        return copy && copy.fields ? copy : null;
    } catch {
        return null;
    }
}

function copiesOf(form) {
    const keys = [];
    try {
        for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            if (key && key.startsWith(itemPrefix(form))) keys.push(key);
        }
    } catch { /* storage disabled */ }
    return keys.map(key => ({ key, copy: readCopy(key) })).filter(entry => entry.copy);
}

function differsFromPage(form, copy) {
    return fieldsOf(form).some(field => {
        const kept = copy.fields[field.dataset.autosaveField];
        return typeof kept === "string" && kept !== field.value;
    });
}

function writeBackup(form) {
    const fields = {};
    for (const field of fieldsOf(form)) fields[field.dataset.autosaveField] = field.value;
    try {
        localStorage.setItem(storageKey(form), JSON.stringify({
            version: Number(form.dataset.version), savedAt: new Date().toISOString(), fields,
        }));
    } catch {
        // Storage full or disabled: the server copy is then the only one; the status still tells the truth.
    }
}

// Called on every keystroke and whenever the server renders a new saved fingerprint or version.
function refresh(form) {
    if (isDirty(form)) {
        form.dataset.dirty = "ja";
        writeBackup(form);
    } else {
        delete form.dataset.dirty;
        try { localStorage.removeItem(storageKey(form)); } catch { /* nothing kept */ }
    }
    showConnection(form);
}

function showConnection(form) {
    const offline = form.querySelector("[data-autosave-offline]");
    if (!offline) return;
    const text = connection !== "ok" && form.dataset.dirty ? offlineText[connection] : "";
    if (offline.textContent !== text) offline.textContent = text;
}

function resend(form) {
    for (const field of fieldsOf(form)) field.dispatchEvent(new Event("input", { bubbles: true }));
}

function stateOf(modal) {
    // blazor.web.js puts components-reconnect-show / -retrying / -paused on the element while it reconnects,
    // -failed when it gives up, -rejected when the server no longer knows the circuit, and -hide (or nothing) when
    // the connection is back.
    const classes = Array.from(modal.classList);
    if (classes.includes("components-reconnect-rejected")) return "verlopen";
    if (classes.includes("components-reconnect-failed")) return "mislukt";
    return classes.some(c => c.startsWith("components-reconnect-") && c !== "components-reconnect-hide") ? "weg" : "ok";
}

function watchConnection() {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    const update = () => {
        const state = stateOf(modal);
        if (state === connection) return;
        const wasLost = connection !== "ok";
        connection = state;
        document.documentElement.dataset.gwtConnection = state;
        let unsaved = false;
        for (const form of forms) {
            showConnection(form);
            if (form.dataset.dirty) unsaved = true;
            // Back on the same connection: send the fields again, the server may have missed keystrokes.
            if (state === "ok" && wasLost && form.dataset.dirty) resend(form);
        }
        if (state === "verlopen" && unsaved) {
            // The copy in this browser holds the text; a reload brings a new connection and hands it back.
            reloadingWithCopy = true;
            location.reload();
        }
    };
    new MutationObserver(update).observe(modal, { attributes: true, attributeFilter: ["class"] });
    update();
}

function hookOnce() {
    if (hooked) return;
    hooked = true;
    window.addEventListener("beforeunload", event => {
        if (reloadingWithCopy) return;
        for (const form of forms) {
            if (form.isConnected && form.dataset.dirty) {
                event.preventDefault();
                event.returnValue = "";
                return;
            }
        }
    });
    watchConnection();
}

// Starts watching a form. Returns the version and time of the newest local copy that holds text for it that differs
// from what the server just rendered (a copy of this tab, or of a tab that closed with unsaved text), else null.
// Copies that match the page are forgotten.
export function attach(form) {
    hookOnce();
    forms.add(form);
    form.__gwtInput = () => refresh(form);
    form.addEventListener("input", form.__gwtInput);
    form.__gwtObserver = new MutationObserver(() => refresh(form));
    form.__gwtObserver.observe(form, { subtree: true, attributes: true, attributeFilter: ["data-saved-hash", "data-version"] });

    let newest = null;
    for (const { key, copy } of copiesOf(form)) {
        if (!differsFromPage(form, copy)) {
            try { localStorage.removeItem(key); } catch { /* nothing kept */ }
        } else if (!newest || String(copy.savedAt) > String(newest.copy.savedAt)) {
            newest = { key, copy };
        }
    }
    if (!newest) return null;
    form.__gwtRestore = newest;
    return { version: Number(newest.copy.version) || 0, savedAt: newest.copy.savedAt || null };
}

// Puts the local copy found by attach back into the fields and sends it to the server as typed text. From then on
// this tab's own copy holds it.
export function restore(form) {
    const found = form.__gwtRestore;
    if (!found) return;
    delete form.__gwtRestore;
    for (const field of fieldsOf(form)) {
        const kept = found.copy.fields[field.dataset.autosaveField];
        if (typeof kept !== "string" || kept === field.value) continue;
        field.value = kept;
        field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (found.key !== storageKey(form)) {
        try { localStorage.removeItem(found.key); } catch { /* nothing kept */ }
    }
}

// The text was thrown away on purpose (the item was deleted): forget every local copy of it.
export function discard(form) {
    for (const { key } of copiesOf(form)) {
        try { localStorage.removeItem(key); } catch { /* nothing kept */ }
    }
    delete form.dataset.dirty;
}

export function detach(form) {
    forms.delete(form);
    form.__gwtObserver?.disconnect();
    if (form.__gwtInput) form.removeEventListener("input", form.__gwtInput);
}
