// The browser's half of autosave (Features/Editing/AutosaveDocument.cs is the server's half).
//
// Why: typed text lives in the page until the server has written it. If the live connection drops, the server
// restarts or the tab closes in between, only the browser still has it. So every keystroke is also kept in this
// browser's localStorage, and the copy is removed as soon as the server shows (data-saved-hash) that it stored exactly
// what is in the fields. While the connection is gone and text is unsaved, the status says so; when it comes back,
// the fields are sent again; on the next visit a copy that was never saved is handed back to the server.

const prefix = "gwt:onbewaard:";
const forms = new Set();
let connectionLost = false;
let hooked = false;

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

function storageKey(form) {
    return prefix + form.dataset.autosave;
}

function readBackup(form) {
    try {
        const raw = localStorage.getItem(storageKey(form));
        return raw ? JSON.parse(raw) : null;
    } catch {
        return null;
    }
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
    const text = connectionLost && form.dataset.dirty ? "Niet bewaard — we proberen opnieuw." : "";
    if (offline.textContent !== text) offline.textContent = text;
}

function resend(form) {
    for (const field of fieldsOf(form)) field.dispatchEvent(new Event("input", { bubbles: true }));
}

function watchConnection() {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    const update = () => {
        // blazor.web.js puts components-reconnect-show / -retrying / -failed / -rejected / -paused on the element
        // while the connection is gone, and components-reconnect-hide (or nothing) when it is back.
        const lost = Array.from(modal.classList).some(c => c.startsWith("components-reconnect-") && c !== "components-reconnect-hide");
        if (lost === connectionLost) return;
        connectionLost = lost;
        document.documentElement.dataset.gwtConnection = lost ? "weg" : "ok";
        for (const form of forms) {
            showConnection(form);
            if (!lost && form.dataset.dirty) resend(form);
        }
    };
    new MutationObserver(update).observe(modal, { attributes: true, attributeFilter: ["class"] });
    update();
}

function hookOnce() {
    if (hooked) return;
    hooked = true;
    window.addEventListener("beforeunload", event => {
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

// Starts watching a form. Returns the local copy's version and time when this browser holds text for it that
// differs from what the server just rendered, else null (and forgets a copy that matches).
export function attach(form) {
    hookOnce();
    forms.add(form);
    form.__gwtInput = () => refresh(form);
    form.addEventListener("input", form.__gwtInput);
    form.__gwtObserver = new MutationObserver(() => refresh(form));
    form.__gwtObserver.observe(form, { subtree: true, attributes: true, attributeFilter: ["data-saved-hash", "data-version"] });

    const backup = readBackup(form);
    if (!backup || !backup.fields) return null;
    const differs = fieldsOf(form).some(field => {
        const kept = backup.fields[field.dataset.autosaveField];
        return typeof kept === "string" && kept !== field.value;
    });
    if (!differs) {
        refresh(form);
        return null;
    }
    return { version: Number(backup.version) || 0, savedAt: backup.savedAt || null };
}

// Puts the local copy back into the fields and sends it to the server as typed text.
export function restore(form) {
    const backup = readBackup(form);
    if (!backup || !backup.fields) return;
    for (const field of fieldsOf(form)) {
        const kept = backup.fields[field.dataset.autosaveField];
        if (typeof kept !== "string" || kept === field.value) continue;
        field.value = kept;
        field.dispatchEvent(new Event("input", { bubbles: true }));
    }
}

// The text was thrown away on purpose (the item was deleted): forget the local copy.
export function discard(form) {
    try { localStorage.removeItem(storageKey(form)); } catch { /* nothing kept */ }
    delete form.dataset.dirty;
}

export function detach(form) {
    forms.delete(form);
    form.__gwtObserver?.disconnect();
    if (form.__gwtInput) form.removeEventListener("input", form.__gwtInput);
}
