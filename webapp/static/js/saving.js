/*
 * Adal: saving that never loses a typed character and never says "saved" when it is not.
 *
 * One module for every page (served from static/, so it runs under script-src 'self'):
 *  - forms marked data-autosave save the fields the clerk changed, as they type (field-level, with the value
 *    each field had when last known saved, so the server can tell a conflict from a stale page);
 *  - forms marked data-row-form (row add, edit, remove) are sent by this module and their answer swapped in
 *    with htmx.swap, the same way hx-post did; an add carries a key of its own so a retry adds one row;
 *  - a save that fails stays queued in the page: no connection → retried with backoff and on "online";
 *    signed out → a sign-in dialog, then sent again; an expired token → a fresh one, then sent again;
 *  - typed work not yet saved is kept in sessionStorage (this tab only; never localStorage) and put back
 *    after a reload; leaving the page with unsaved work asks first;
 *  - each form, each row list and the page say where things stand: saving… / saved at 14:32 / not saved —
 *    no connection / not saved — signed out / conflict.
 * The texts come translated from the server (data-saving-texts on <body>).
 */
(function () {
  "use strict";

  const body = document.body;
  const TEXTS = JSON.parse(body.getAttribute("data-saving-texts") || "{}");
  const STORE = "adal-unsaved:" + location.pathname;
  const RETRY_FIRST = 1000;
  const RETRY_MAX = 30000;
  const TYPING_PAUSE = 1500;

  function text(key, values) {
    return (TEXTS[key] || key).replace(/%\((\w+)\)s/g, (_, name) => (values && values[name]) || "");
  }

  // --- The form token ----------------------------------------------------------------------------

  function headersOfBody() {
    try {
      return JSON.parse(body.getAttribute("hx-headers") || "{}");
    } catch (error) {
      return {};
    }
  }

  function token() {
    return headersOfBody()["X-CSRFToken"] || "";
  }

  function setToken(value) {
    const headers = headersOfBody();
    headers["X-CSRFToken"] = value;
    body.setAttribute("hx-headers", JSON.stringify(headers));
    document.querySelectorAll("input[name$='csrf_token']").forEach((input) => { input.value = value; });
  }

  async function refreshToken() {
    const response = await fetch(TEXTS.tokenUrl, {credentials: "same-origin", cache: "no-store",
                                                  headers: {Accept: "application/json"}});
    if (!response.ok) throw new Failure("offline");
    setToken((await response.json()).token);
  }

  // --- Sending -----------------------------------------------------------------------------------

  class Failure extends Error {
    constructor(kind, reason) {
      super(kind);
      this.kind = kind; // offline / signed-out / server / refused
      this.reason = reason || "";
    }
  }

  /* POST `data` (FormData) to `url`. Returns the response for 2xx, 409 and 422; throws a Failure otherwise.
     Redirects are never followed (a signed-out answer must not land a login page inside the form). */
  async function send(url, data, accept) {
    for (let attempt = 0; ; attempt++) {
      for (const key of Array.from(data.keys())) {
        if (key.endsWith("csrf_token")) data.delete(key); // the header carries the current one
      }
      const headers = {"X-CSRFToken": token(), Accept: accept};
      if (accept !== "application/json") headers["HX-Request"] = "true";
      let response;
      try {
        response = await fetch(url, {method: "POST", body: data, headers, credentials: "same-origin",
                                     redirect: "manual"});
      } catch (error) {
        throw new Failure("offline");
      }
      if (response.type === "opaqueredirect" || response.status === 401) throw new Failure("signed-out");
      if (response.headers.get("X-Auth-Problem") === "csrf" && attempt === 0) {
        await refreshToken();
        continue;
      }
      if (response.ok || response.status === 409 || response.status === 422) return response;
      if (response.status >= 500) throw new Failure("server");
      let reason = "";
      try {
        reason = (await response.clone().json()).message || "";
      } catch (error) {
        reason = "";
      }
      throw new Failure("refused", reason || String(response.status));
    }
  }

  // --- Signing in again without leaving the page -------------------------------------------------

  let signingIn = null;
  let signedOut = false; // a save was refused as signed out; no other is sent until the clerk signs in again

  /* The dialog takes the focus: it opens only when the clerk asked for it (a click on «Log in», or a click that
     sent something), never from a save in the background while they type on elsewhere. */
  function signIn() {
    const dialog = document.getElementById("sign-in-dialog");
    if (!dialog) return new Promise(() => {});
    if (!dialog.open) dialog.showModal();
    const password = dialog.querySelector("input[type=password]");
    if (password) password.focus();
    return waitForSignIn();
  }

  /* Signed out found by something the clerk did not just click (typing in a search box, a panel refreshing
     itself): said above the page with a «Log in» button, the focus left where it is. */
  function signInLater() {
    const messages = document.getElementById("messages");
    if (messages && !messages.querySelector(".signed-out-notice")) {
      const notice = document.createElement("p");
      notice.className = "flash flash-error signed-out-notice";
      notice.append(text("signedOut"), " ", signInButton());
      messages.appendChild(notice);
    }
    return waitForSignIn();
  }

  /* Whether the focus is in a field that takes typing (outside the sign-in dialog). */
  function typing() {
    const element = document.activeElement;
    if (!element || element.closest("#sign-in-dialog")) return false;
    if (element.isContentEditable || element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
    return element.tagName === "INPUT" && !["button", "submit", "reset", "checkbox", "radio", "file", "image"]
      .includes(element.type);
  }

  /* Resolves once the clerk has signed in again on this page (through the dialog, whenever they open it). */
  function waitForSignIn() {
    const dialog = document.getElementById("sign-in-dialog");
    if (!dialog) return new Promise(() => {});
    const password = dialog.querySelector("input[type=password]");
    if (signingIn) return signingIn;
    signingIn = new Promise((resolve) => {
      const form = dialog.querySelector("form");
      const error = dialog.querySelector(".error");
      async function submit(event) {
        event.preventDefault();
        error.hidden = true;
        const button = form.querySelector("button[type=submit]");
        button.disabled = true;
        try {
          await refreshToken();
          const response = await fetch(form.action, {method: "POST", body: new FormData(form),
                                                     credentials: "same-origin", redirect: "manual",
                                                     headers: {Accept: "application/json", "X-CSRFToken": token()}});
          let answer = {};
          try {
            answer = await response.json();
          } catch (ignored) {
            answer = {};
          }
          // The page's own account (the dialog comes filled with it): another one cannot save what waits here.
          const username = form.querySelector("input[name=username]");
          const own = username ? username.defaultValue.trim().toLowerCase() : "";
          if (response.ok && answer.ok && answer.username && own && answer.username !== own) {
            if (answer.token) setToken(answer.token);
            error.textContent = text("otherAccount", {account: answer.username, page: own});
            error.hidden = false;
            username.value = own;
            if (password) {
              password.value = "";
              password.focus();
            }
          } else if (response.ok && answer.ok) {
            if (answer.token) setToken(answer.token);
            form.removeEventListener("submit", submit);
            if (password) password.value = "";
            dialog.close();
            document.querySelectorAll(".signed-out-notice").forEach((notice) => notice.remove());
            signingIn = null;
            signedOut = false;
            resolve();
          } else {
            error.textContent = answer.error || text("offline");
            error.hidden = false;
          }
        } catch (failure) {
          error.textContent = text("offline");
          error.hidden = false;
        } finally {
          button.disabled = false;
        }
      }
      form.addEventListener("submit", submit);
    });
    signingIn.then(retryAll);
    return signingIn;
  }

  // --- Retrying ----------------------------------------------------------------------------------

  let retryDelay = RETRY_FIRST;
  let retryTimer = null;

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = null; retryAll(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX);
  }

  function retryAll() {
    clearTimeout(retryTimer);
    retryTimer = null;
    for (const tracker of trackers.values()) {
      if (tracker.failure && tracker.failure.kind !== "refused") {
        tracker.failure = null;
        save(tracker);
      }
    }
    for (const job of rowJobs.values()) {
      if (job.failure && job.failure.kind !== "refused" && !job.running) runRow(job);
    }
  }

  /* background: a save of typing (the clerk may be typing on elsewhere), not a click they just made. */
  function failed(failure, background) {
    if (failure.kind === "signed-out") {
      signedOut = true;
      if (background) waitForSignIn(); // the page says so, with a «Log in» button (showPage)
      else signIn();
    } else if (failure.kind === "offline" || failure.kind === "server") scheduleRetry();
  }

  window.addEventListener("online", retryAll);

  // Signed in again in another tab: this page learns it when the clerk comes back to it, and sends what waits
  // (refused again, it says «signed out» again; no dialog opens by itself).
  function cameBack() {
    if (!signedOut || document.visibilityState === "hidden") return;
    signedOut = false;
    retryAll();
  }
  window.addEventListener("focus", cameBack);
  document.addEventListener("visibilitychange", cameBack);

  // --- Field values ------------------------------------------------------------------------------

  function controls(form, name) {
    const item = form.elements.namedItem(name);
    if (!item) return [];
    return item instanceof Element ? [item] : Array.from(item);
  }

  function valueOf(form, name) {
    const items = controls(form, name);
    if (!items.length) return "";
    const first = items[0];
    if (first.type === "radio") return (items.find((item) => item.checked) || {value: ""}).value;
    if (first.type === "checkbox") return first.checked ? "y" : "";
    return first.value;
  }

  function savedValueOf(form, name) {
    const items = controls(form, name);
    if (!items.length) return "";
    const first = items[0];
    if (first.type === "radio") return (items.find((item) => item.defaultChecked) || {value: ""}).value;
    if (first.type === "checkbox") return first.defaultChecked ? "y" : "";
    if (first.tagName === "SELECT") { // a select has no defaultValue: the option the page was served with
      const option = Array.from(first.options).find((item) => item.defaultSelected) || first.options[0];
      return option ? option.value : "";
    }
    return first.defaultValue;
  }

  function setValue(form, name, value) {
    for (const item of controls(form, name)) {
      if (item.type === "radio") item.checked = item.value === value;
      else if (item.type === "checkbox") item.checked = value === "y";
      else item.value = value;
    }
  }

  function fieldBox(form, name) {
    const first = controls(form, name)[0];
    return first ? first.closest(".field") || first.parentElement : null;
  }

  function showError(form, name, message) {
    const box = fieldBox(form, name);
    if (!box) return;
    const items = controls(form, name);
    const id = (items[0].type === "radio" ? name : items[0].id) + "-error";
    let error = box.querySelector(":scope > p.error");
    if (!message) {
      if (error) error.remove();
      box.classList.remove("has-error");
      items.forEach((item) => { item.removeAttribute("aria-invalid"); });
      return;
    }
    if (!error) {
      error = document.createElement("p");
      error.className = "error";
      error.id = id;
      box.appendChild(error);
    }
    error.textContent = message;
    box.classList.add("has-error");
    items.forEach((item) => {
      item.setAttribute("aria-invalid", "true");
      item.setAttribute("aria-describedby", id);
    });
  }

  // --- Self-saving forms -------------------------------------------------------------------------

  const trackers = new Map(); // form id -> tracker

  function tracker(form) {
    let found = trackers.get(form.id);
    if (!found) {
      found = {form, bases: {}, dirty: new Set(), invalid: new Map(), conflicts: new Map(), timer: null,
               running: false, again: false, failure: null, savedAt: ""};
      trackers.set(form.id, found);
    }
    found.form = form; // the explanation form may have been moved into a new status panel
    return found;
  }

  function fieldName(element) {
    const name = element.name || "";
    return name && !name.startsWith("_") && !name.endsWith("csrf_token") ? name : "";
  }

  function touched(form, name) {
    const state = tracker(form);
    if (!(name in state.bases)) state.bases[name] = [savedValueOf(form, name)];
    state.dirty.add(name);
    return state;
  }

  function sendable(state) {
    return Array.from(state.dirty).filter((name) => !state.conflicts.has(name)
      && !(state.invalid.has(name) && state.invalid.get(name) === valueOf(state.form, name)));
  }

  function unsaved(state) {
    return new Set([...state.dirty, ...state.conflicts.keys()]);
  }

  function schedule(state, delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => { state.timer = null; save(state); }, delay);
    show(state);
  }

  async function save(state) {
    clearTimeout(state.timer);
    state.timer = null;
    if (state.running) {
      state.again = true;
      return;
    }
    const names = sendable(state);
    if (!names.length) {
      show(state);
      return;
    }
    const form = state.form;
    if (signedOut) { // it would be refused too: kept, marked unsaved and sent once the clerk has signed in
      state.failure = new Failure("signed-out");
      remember();
      show(state);
      return;
    }
    const data = new FormData();
    const version = form.querySelector("input[name=_version]");
    if (version) data.append("_version", version.value);
    const sent = {};
    for (const name of names) {
      sent[name] = valueOf(form, name);
      data.append("_fields", name);
      data.append(name, sent[name]);
      for (const base of state.bases[name]) data.append("_base-" + name, base);
    }
    state.running = true;
    state.failure = null;
    show(state);
    try {
      const response = await send(form.action, data, "application/json");
      const answer = await response.json();
      retryDelay = RETRY_FIRST;
      applyAnswer(state, sent, answer);
    } catch (failure) {
      // The request may have arrived before the connection dropped: the server may hold what was sent.
      for (const name of names) {
        if (!state.bases[name].includes(sent[name])) state.bases[name] = [...state.bases[name], sent[name]].slice(-10);
      }
      state.failure = failure instanceof Failure ? failure : new Failure("server");
      failed(state.failure, true);
    } finally {
      state.running = false;
      remember();
      show(state);
      const changedSince = sendable(state).some((name) => !(name in sent) || valueOf(form, name) !== sent[name]);
      if (!state.failure && (state.again || changedSince)) {
        state.again = false;
        if (sendable(state).length) schedule(state, 0);
      }
    }
  }

  function applyAnswer(state, sent, answer) {
    const form = state.form;
    if (answer.error) throw new Failure("refused", answer.message || answer.error);
    document.querySelectorAll("form[data-autosave] input[name=_version]").forEach((input) => {
      input.value = answer.version;
    });
    for (const name of answer.saved || []) {
      state.bases[name] = [sent[name]];
      state.invalid.delete(name);
      showError(form, name, null);
      if (valueOf(form, name) === sent[name]) state.dirty.delete(name);
    }
    for (const [name, messages] of Object.entries(answer.errors || {})) {
      state.invalid.set(name, sent[name]);
      showError(form, name, messages.join(" "));
    }
    for (const [name, theirs] of Object.entries(answer.conflicts || {})) {
      state.conflicts.set(name, theirs);
      showConflict(state, name, theirs, sent[name]);
    }
    if ((answer.saved || []).length) state.savedAt = answer.saved_at;
    if (answer.status_html) {
      const panel = document.getElementById("section-status");
      if (panel) htmx.swap(panel, answer.status_html, {swapStyle: "outerHTML", swapDelay: 0, settleDelay: 0});
    }
    // Notes beside a field that do not stop the save (a violation the action plan does not answer yet).
    for (const [id, html] of Object.entries(answer.fragments || {})) {
      const note = document.getElementById(id);
      if (note) htmx.swap(note, html, {swapStyle: "outerHTML", swapDelay: 0, settleDelay: 0});
    }
  }

  function showConflict(state, name, theirs, mine) {
    const form = state.form;
    const box = fieldBox(form, name);
    if (!box) return;
    const old = box.querySelector(":scope > .conflict");
    if (old) old.remove();
    const panel = document.createElement("div");
    panel.className = "conflict";
    panel.setAttribute("role", "alert");
    const intro = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = text("conflictIntro");
    intro.appendChild(strong);
    panel.appendChild(intro);
    const sides = document.createElement("div");
    sides.className = "conflict-sides";
    for (const [heading, value, side] of [[text("theirs"), theirs.text, "theirs"], [text("yours"), mine, "mine"]]) {
      const column = document.createElement("div");
      column.className = "conflict-" + side;
      const title = document.createElement("h3");
      title.textContent = heading;
      const content = document.createElement("p");
      content.className = "text";
      content.textContent = value === "" ? "—" : value;
      column.append(title, content);
      sides.appendChild(column);
    }
    panel.appendChild(sides);
    const actions = document.createElement("p");
    actions.className = "form-actions";
    const keepMine = document.createElement("button");
    keepMine.type = "button";
    keepMine.className = "primary small";
    keepMine.textContent = text("keepMine");
    keepMine.addEventListener("click", () => {
      state.bases[name] = [theirs.theirs];
      state.conflicts.delete(name);
      state.dirty.add(name);
      panel.remove();
      save(state);
    });
    const takeTheirs = document.createElement("button");
    takeTheirs.type = "button";
    takeTheirs.className = "small";
    takeTheirs.textContent = text("takeTheirs");
    takeTheirs.addEventListener("click", () => {
      setValue(form, name, theirs.theirs);
      state.bases[name] = [theirs.theirs];
      state.conflicts.delete(name);
      state.dirty.delete(name);
      state.invalid.delete(name);
      panel.remove();
      remember();
      show(state);
    });
    actions.append(keepMine, " ", takeTheirs);
    panel.appendChild(actions);
    box.appendChild(panel);
  }

  function stateOf(state) {
    if (state.conflicts.size) return ["conflict", text("conflict")];
    if (state.failure) return failureState(state.failure);
    if (state.running || state.timer) return ["saving", text("saving")];
    if (sendable(state).length) return ["pending", text("pending")];
    if (state.invalid.size && unsaved(state).size) return ["invalid", text("invalid")];
    return state.savedAt ? ["saved", text("savedAt", {time: state.savedAt})] : ["", ""];
  }

  function failureState(failure) {
    if (failure.kind === "signed-out") return ["signed-out", text("signedOut")];
    if (failure.kind === "offline") return ["offline", text("offline")];
    if (failure.kind === "server") return ["offline", text("serverError")];
    // Refused as not this account's (signed in as another one in another tab): said so, not «Not saved: 404».
    if (failure.reason === "403" || failure.reason === "404") return ["refused", text("notThisAccount")];
    return ["refused", text("refused", {reason: failure.reason})];
  }

  /* action(): a button to show after the message. It stays the same element while the message changes: a click
     that began on it (and so took the focus from a field, whose change event updates this line) ends on it. */
  function setState(element, kind, message, action) {
    if (!element) return;
    element.className = "save-state" + (kind ? " save-" + kind : "");
    element.dataset.state = kind;
    const button = element.querySelector(":scope > button");
    if (!action) {
      if (button || element.textContent !== message) element.textContent = message;
      return;
    }
    let label = element.querySelector(":scope > span");
    if (!label || !button) {
      element.textContent = "";
      label = document.createElement("span");
      element.append(label, " ", action());
    }
    if (label.textContent !== message) label.textContent = message;
  }

  function show(state) {
    const [kind, message] = stateOf(state);
    setState(document.getElementById(state.form.id + "-saved"), kind, message);
    showPage();
  }

  // --- Rows: add, edit, remove -------------------------------------------------------------------

  const rowJobs = new Map(); // form element -> job

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  /* The id of the state line under a form's row table (`rows-<list>-state`): found by id, as answers replace
     the forms and rows around it. */
  function rowList(form) {
    const table = form.closest("table.rows");
    if (table) return table.id + "-state";
    return form.id && form.id.startsWith("add-") ? "rows-" + form.id.slice(4) + "-state" : "";
  }

  /* Row forms whose last answer was a refusal (422) or a conflict (409) and that still hold the clerk's values:
     key (the add form's or the edited row's id) -> {list, kind}. While one is there, neither its row list nor
     the page says «saved». */
  const refusedRows = new Map();

  function refusedKey(form) {
    const row = form.closest("tr");
    return form.dataset.rowForm === "add" ? form.id : row ? row.id : "";
  }

  function stillRefused(key) {
    const element = document.getElementById(key);
    return Boolean(element && (element.matches("form") || element.querySelector("form[data-row-form=edit]")));
  }

  function refusedIn(list) {
    for (const [key, refused] of refusedRows) {
      if (!stillRefused(key)) refusedRows.delete(key);
      else if (refused.list === list) return refused.kind;
    }
    return "";
  }

  function showList(list, kind, message) {
    const refused = kind === "saved" ? refusedIn(list) : "";
    if (refused) setState(document.getElementById(list), refused, text(refused));
    else if (kind === "saved" && typedInList(list)) setState(document.getElementById(list), "pending", text("pending"));
    else setState(document.getElementById(list), kind, message);
  }

  /* Typing in one of the list's forms not sent yet: the list says «not saved yet», as a section's text does. */
  function typedInList(list) {
    return Array.from(document.querySelectorAll(DRAFTS)).some((form) => rowList(form) === list && draftOf(form));
  }

  /* After typing in a row form (or its draft put back): its list's line says whether something waits there. A
     line saying a save is on its way, failed or was refused keeps saying so. */
  function showDraftList(form) {
    const list = rowList(form);
    const element = list && document.getElementById(list);
    if (!element || !["", "saved", "pending"].includes(element.dataset.state || "")) return;
    if (typedInList(list)) setState(element, "pending", text("pending"));
    else if (element.dataset.state === "pending") setState(element, "", "");
  }

  function submitRow(form, submitter) {
    let job = rowJobs.get(form);
    if (job && job.running) return;
    if (!job) {
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
      job = {form, kind: form.dataset.rowForm || "edit", running: false, failure: null, list: rowList(form),
             refusedKey: refusedKey(form)};
      if (job.kind === "add") job.key = form.dataset.requestKey || newKey();
      rowJobs.set(form, job);
    }
    job.submitter = submitter;
    runRow(job);
  }

  async function runRow(job) {
    const form = job.form;
    const data = new FormData(form, job.submitter && job.submitter.name ? job.submitter : undefined);
    if (job.key) {
      data.set("_request_key", job.key);
      form.dataset.requestKey = job.key;
    }
    const sent = {};
    for (const [name, value] of data.entries()) if (typeof value === "string") sent[name] = value;
    job.running = true;
    job.failure = null;
    form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    showList(job.list, "saving", text("saving"));
    showPage();
    try {
      const response = await send(form.action, data, "text/html");
      const html = await response.text();
      rowJobs.delete(form);
      retryDelay = RETRY_FIRST;
      const typedLater = typedSince(form, sent);
      const target = response.headers.get("HX-Retarget") || form.dataset.target;
      const swapStyle = response.headers.get("HX-Reswap") || form.dataset.swap;
      const element = target === "closest tr" ? form.closest("tr") : document.querySelector(target);
      if (element) htmx.swap(element, html, {swapStyle, swapDelay: 0, settleDelay: 0}, {contextElement: form});
      restoreTyped(typedLater);
      if (response.ok) {
        refusedRows.delete(job.refusedKey);
        const time = response.headers.get("X-Saved-At") || "";
        const message = job.kind === "add" ? "rowAdded" : job.kind === "delete" ? "rowRemoved" : "savedAt";
        showList(job.list, "saved", text(message, {time}));
        lastSaved = time || lastSaved;
      } else {
        const kind = response.status === 409 ? "conflict" : "invalid";
        if (job.refusedKey) refusedRows.set(job.refusedKey, {list: job.list, kind});
        showList(job.list, kind, text(kind));
      }
    } catch (failure) {
      job.failure = failure instanceof Failure ? failure : new Failure("server");
      const [kind, message] = failureState(job.failure);
      showList(job.list, kind, message);
      failed(job.failure);
    } finally {
      job.running = false;
      if (form.isConnected) form.querySelectorAll("button").forEach((button) => { button.disabled = false; });
      remember();
      showPage();
    }
  }

  /* What the clerk typed into a form after its request left: put back after the answer is swapped in. */
  function typedSince(form, sent) {
    const later = [];
    for (const element of form.elements) {
      if (!element.name || element.type === "hidden" || element.type === "submit") continue;
      if ((element.type === "checkbox" || element.type === "radio")) continue;
      if (element.name in sent && element.value !== sent[element.name]) later.push([element.id, element.value]);
    }
    return later;
  }

  function restoreTyped(later) {
    for (const [id, value] of later) {
      const element = id && document.getElementById(id);
      if (element) element.value = value;
    }
  }

  // --- Forms sent by a click: what was typed and not sent yet -------------------------------------

  /* A row's add and edit forms, and forms marked data-draft (a department's certificate texts, the reasons for
     returning a submission): typing there that has not been sent is unsaved work like a section's text. It is
     kept in sessionStorage with the page's other work and put back after a reload, and leaving asks first. */
  const DRAFTS = "form[data-row-form=add], form[data-row-form=edit], form[data-draft]";
  const waitingDrafts = new Map(); // key -> a row edit's draft waiting for its form to be opened again

  /* A form's key across reloads: its id, or for a row's edit form the row's id. */
  function draftKey(form) {
    if (form.id) return form.id;
    const row = form.closest("tr[id]");
    return row ? row.id : "";
  }

  function draftControls(form) {
    return Array.from(form.elements).filter((element) => element.id && fieldName(element)
      && !["hidden", "submit", "button", "file"].includes(element.type));
  }

  function controlValue(element, served) {
    if (element.type === "checkbox" || element.type === "radio") {
      return (served ? element.defaultChecked : element.checked) ? "on" : "";
    }
    if (element.tagName === "SELECT") {
      if (!served) return element.value;
      const option = Array.from(element.options).find((item) => item.defaultSelected) || element.options[0];
      return option ? option.value : "";
    }
    return served ? element.defaultValue : element.value;
  }

  function setControl(element, value) {
    if (element.type === "checkbox" || element.type === "radio") element.checked = value === "on";
    else element.value = value;
  }

  /* Refused by the server (422, 409): every value in it is unsent, also those it was served with. */
  function refusedForm(form) {
    return form.hasAttribute("data-refused") || refusedRows.has(refusedKey(form));
  }

  /* What is typed in a form and not sent: {fields: {id: [value, value served]}, hidden, open}, or null. */
  function draftOf(form) {
    const all = refusedForm(form);
    const fields = {};
    for (const element of draftControls(form)) {
      const value = controlValue(element, false);
      const served = controlValue(element, true);
      if (all || value !== served) fields[element.id] = [value, served];
    }
    if (!Object.keys(fields).length) return null;
    // A row edit also keeps the row as its form showed it, so that saving later writes only the clerk's changes.
    const hidden = {};
    form.querySelectorAll("input[name=_bases], input[name=_version]").forEach((input) => {
      hidden[input.name] = input.value;
    });
    return {fields, hidden, open: form.dataset.rowForm === "edit" ? form.action : ""};
  }

  function restoreDraft(key, draft) {
    const element = document.getElementById(key);
    if (!element) return;
    const form = element.matches("form") ? element : element.querySelector("form[data-row-form=edit]");
    if (form) {
      putBack(form, draft);
      return;
    }
    if (!draft.open || !element.matches("tr") || !window.htmx) return;
    waitingDrafts.set(key, draft); // still kept if the reload comes again before the form is open
    htmx.ajax("GET", draft.open, {target: element, swap: "outerHTML"}).then(() => {
      waitingDrafts.delete(key);
      const row = document.getElementById(key);
      const opened = row && row.querySelector("form[data-row-form=edit]");
      if (opened) putBack(opened, draft);
      remember();
      showPage();
    }, () => {});
  }

  function putBack(form, draft) {
    let any = false;
    // Typed before the reload and not sent: said in the form, and as unsaved on its list and the page.
    const said = () => {
      if (!form.querySelector(".draft-restored")) {
        const notice = document.createElement("p");
        notice.className = "hint draft-restored";
        notice.setAttribute("role", "status");
        notice.textContent = text("restored");
        form.prepend(notice);
      }
      showDraftList(form);
      showPage();
    };
    for (const [id, [value, served]] of Object.entries(draft.fields)) {
      const element = document.getElementById(id);
      if (!element || !form.contains(element)) continue;
      const now = controlValue(element, true);
      // Sent by the browser as the page went, and the page now shows another value: the sending landed.
      if (value === now || (draft.sent && now !== served)) continue;
      setControl(element, value);
      any = true;
    }
    if (!any) return;
    for (const [name, value] of Object.entries(draft.hidden || {})) {
      const input = form.querySelector(`input[name="${name}"]`);
      if (input) input.value = value;
    }
    said();
  }

  // --- The page's own state, and what survives a reload ------------------------------------------

  let lastSaved = "";

  function showPage() {
    const element = document.getElementById("save-state");
    if (!element) return;
    const order = ["conflict", "signed-out", "offline", "refused", "invalid", "pending", "saving"];
    let worst = null;
    for (const state of trackers.values()) {
      const [kind, message] = stateOf(state);
      if (kind === "saved" && state.savedAt > lastSaved) lastSaved = state.savedAt;
      if (order.includes(kind) && (!worst || order.indexOf(kind) < order.indexOf(worst[0]))) worst = [kind, message];
    }
    for (const job of rowJobs.values()) {
      const [kind, message] = job.failure ? failureState(job.failure) : ["saving", text("saving")];
      if (!worst || order.indexOf(kind) < order.indexOf(worst[0])) worst = [kind, message];
    }
    for (const [key, refused] of refusedRows) {
      if (!stillRefused(key)) refusedRows.delete(key);
      else if (!worst || order.indexOf(refused.kind) < order.indexOf(worst[0])) worst = [refused.kind, text(refused.kind)];
    }
    // Typed in a row's form, the certificate texts or reasons and not sent: the page is not «saved».
    const typedInForms = () => Array.from(document.querySelectorAll(DRAFTS)).some((form) => draftOf(form));
    if ((!worst || order.indexOf("pending") < order.indexOf(worst[0])) && typedInForms()) {
      worst = ["pending", text("pending")];
    }
    if (worst) setState(element, worst[0], worst[1], worst[0] === "signed-out" ? signInButton : null);
    else setState(element, lastSaved ? "saved" : "", lastSaved ? text("savedAt", {time: lastSaved}) : "");
  }

  function signInButton() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "small";
    button.textContent = text("signIn");
    button.addEventListener("click", () => signIn());
    return button;
  }

  /* except: a form being sent by the browser itself (its page is going away with the typing in it). */
  function hasUnsaved(except) {
    for (const state of trackers.values()) if (unsaved(state).size) return true;
    if (rowJobs.size > 0 || refusedRows.size > 0 || waitingDrafts.size > 0) return true;
    return Array.from(document.querySelectorAll(DRAFTS)).some((form) => form !== except && draftOf(form));
  }

  function remember(sending) {
    const kept = {forms: {}, adds: {}, drafts: Object.fromEntries(waitingDrafts)};
    for (const state of trackers.values()) {
      const fields = {};
      for (const name of unsaved(state)) {
        fields[name] = {value: valueOf(state.form, name), bases: state.bases[name]};
      }
      if (Object.keys(fields).length) kept.forms[state.form.id] = fields;
    }
    for (const job of rowJobs.values()) {
      if (job.kind !== "add" || !job.form.id) continue;
      const values = {};
      for (const element of job.form.elements) {
        if (element.id && fieldName(element) && element.type !== "hidden") values[element.id] = element.value;
      }
      kept.adds[job.form.id] = {key: job.key, values};
    }
    document.querySelectorAll(DRAFTS).forEach((form) => {
      const key = draftKey(form);
      const draft = key && !(form.id in kept.adds) ? draftOf(form) : null;
      if (draft) kept.drafts[key] = {...draft, sent: form === sending};
    });
    try {
      if (Object.keys(kept.forms).length || Object.keys(kept.adds).length || Object.keys(kept.drafts).length) {
        sessionStorage.setItem(STORE, JSON.stringify(kept));
      } else {
        sessionStorage.removeItem(STORE);
      }
    } catch (error) {
      // Storage full or disabled: the page itself still holds the work and warns before leaving.
    }
  }

  function restore() {
    let kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(STORE) || "null");
    } catch (error) {
      kept = null;
    }
    if (!kept) return;
    for (const [id, fields] of Object.entries(kept.forms || {})) {
      const form = document.getElementById(id);
      if (!form || !form.matches("form[data-autosave]")) continue;
      const state = tracker(form);
      for (const [name, field] of Object.entries(fields)) {
        if (!controls(form, name).length) continue;
        // Typed on this page before the script ran (adoptTyped): newer than the copy kept from the last visit.
        if (state.dirty.has(name)) {
          state.bases[name] = Array.from(new Set([...field.bases, ...state.bases[name]])).slice(-10);
          continue;
        }
        setValue(form, name, field.value);
        state.bases[name] = field.bases;
        state.dirty.add(name);
      }
      schedule(state, 0);
    }
    for (const [id, add] of Object.entries(kept.adds || {})) {
      const form = document.getElementById(id);
      if (!form || !form.matches("form[data-row-form]")) continue;
      for (const [fieldId, value] of Object.entries(add.values)) {
        const element = document.getElementById(fieldId);
        if (element && form.contains(element)) element.value = value;
      }
      form.dataset.requestKey = add.key;
      const job = {form, kind: "add", key: add.key, running: false, failure: null, list: rowList(form),
                   refusedKey: form.id};
      rowJobs.set(form, job);
      runRow(job);
    }
    for (const [key, draft] of Object.entries(kept.drafts || {})) restoreDraft(key, draft);
  }

  /* What the clerk typed before this script ran. The page is shown, and its fields take typing, while its
     deferred scripts are still on their way (a slow connection, a busy computer); no input event reached us for
     it, so it would be neither saved nor said to be unsaved. Each field that differs from the value the page was
     served with is taken as typed: sent now, or marked unsaved and kept like any other typing. */
  function adoptTyped() {
    document.querySelectorAll("form[data-autosave]").forEach((form) => {
      const names = new Set(Array.from(form.elements, fieldName).filter(Boolean));
      const typed = Array.from(names).filter((name) => typedBeforeUs(form, name));
      if (!typed.length) return;
      typed.forEach((name) => touched(form, name));
      const state = tracker(form);
      if (typed.some((name) => halfTypedDate(controls(form, name)[0]))) show(state); // leaving the field sends it
      else schedule(state, 0);
    });
  }

  /* Whether a field holds other than the value the page was served with. */
  function typedBeforeUs(form, name) {
    const first = controls(form, name)[0];
    if (first.tagName === "INPUT" && ["text", "search", "tel"].includes(first.type)) {
      // A one-line input drops line breaks from the value it was served with; that is not typing.
      return first.value !== first.defaultValue.replace(/[\r\n]/g, "");
    }
    // Other input types clean the served value in ways of their own (a number, a date): left to the events.
    if (first.tagName === "INPUT" && !["radio", "checkbox"].includes(first.type)) return false;
    return valueOf(form, name) !== savedValueOf(form, name);
  }

  // --- Wiring ------------------------------------------------------------------------------------

  /* A date being typed (дд.мм.гггг, see ReportDateField in reporting/fields.py) is not sent half done: leaving the field sends it. */
  function halfTypedDate(input) {
    return input.matches("input[data-date-field]") && input.value.trim() !== "" && input.validity.patternMismatch;
  }

  function typedInDraft(form) {
    remember();
    showDraftList(form);
    showPage();
  }

  document.addEventListener("input", (event) => {
    const form = event.target.form;
    const name = fieldName(event.target);
    if (form && name && form.matches(DRAFTS)) typedInDraft(form);
    if (!form || !name || !form.matches("form[data-autosave]")) return;
    const state = touched(form, name);
    remember();
    if (halfTypedDate(event.target)) {
      show(state);
      return;
    }
    schedule(state, event.target.type === "checkbox" || event.target.type === "radio" ? 0 : TYPING_PAUSE);
  });

  document.addEventListener("change", (event) => {
    const form = event.target.form;
    const name = fieldName(event.target);
    if (form && name && form.matches(DRAFTS)) typedInDraft(form);
    if (!form || !name || !form.matches("form[data-autosave]")) return;
    touched(form, name);
    remember();
    schedule(tracker(form), 0);
  });

  // A plain form's sending unloads the page: not a leaving to ask about, for that form's typing.
  let leavingBy = null;

  function formBeingSent() {
    const sending = leavingBy && Date.now() - leavingBy.at < 2000 && !leavingBy.event.defaultPrevented;
    return sending ? leavingBy.event.target : null;
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    leavingBy = {event, at: Date.now()};
    if (form.matches("form[data-autosave]")) {
      event.preventDefault();
      save(tracker(form));
    } else if (form.matches("form[data-row-form]")) {
      event.preventDefault();
      submitRow(form, event.submitter);
    } else if (form.matches("form[data-draft]:not([hx-post])") && !form.dataset.checked) {
      event.preventDefault();
      sendSignedIn(form, event.submitter);
    } else if ((form.method || "").toLowerCase() === "post" && !form.hasAttribute("hx-post")) {
      delete form.dataset.checked;
      // A plain form (start, submit, review): one request per click, the buttons off while it is on its way.
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      setTimeout(() => {
        if (event.defaultPrevented) return;
        form.dataset.sending = "1";
        form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
      }, 0);
    }
  });

  /* A plain form holding typing (the reasons for returning or reopening): sent only once someone is signed in,
     with a fresh token. Signed out meanwhile, the page's dialog asks first and the typing stays in front of the
     clerk (was: the browser posted it and got a «form expired» page). */
  async function sendSignedIn(form, submitter) {
    if (form.dataset.checking) return;
    form.dataset.checking = "1";
    try {
      let answer;
      try {
        const response = await fetch(TEXTS.tokenUrl, {credentials: "same-origin", cache: "no-store",
                                                      headers: {Accept: "application/json"}});
        if (!response.ok) throw new Failure("offline");
        answer = await response.json();
      } catch (error) {
        notice();
        return;
      }
      setToken(answer.token);
      if (answer.signed_in === false) await signIn();
      form.dataset.checked = "1";
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    } finally {
      delete form.dataset.checking;
    }
  }

  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form[data-sending]").forEach((form) => {
      delete form.dataset.sending;
      form.querySelectorAll("button").forEach((button) => { button.disabled = false; });
    });
  });

  window.addEventListener("beforeunload", (event) => {
    const sending = formBeingSent();
    remember(sending);
    if (!hasUnsaved(sending)) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Other pages' htmx requests: signed out or an expired token keeps the page; no connection is said.
  // The re-send is the same click: its hx-confirm was answered already and is not asked again.
  const resending = new WeakSet();
  document.addEventListener("htmx:confirm", (event) => {
    const element = event.detail.elt;
    if (!resending.has(element)) return;
    resending.delete(element);
    event.preventDefault();
    event.detail.issueRequest(true);
  });
  // The form goes out again once, however many of its requests were refused: a double click queues a second
  // request in htmx, refused like the first, and each refusal arranging a re-send of its own sent it twice. A
  // refusal while a re-send is arranged, or of a request that left before the last re-send, arranges none.
  const waiting = new WeakSet(); // elements with a re-send arranged
  const resends = new WeakMap(); // element -> how many times it was sent again
  const sentAfter = new WeakMap(); // a request's xhr -> its element's re-sends when it left
  document.addEventListener("htmx:beforeRequest", (event) => {
    sentAfter.set(event.detail.xhr, resends.get(event.detail.elt) || 0);
  });
  document.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    const element = event.detail.elt;
    const signedOut = xhr.status === 401;
    if (!signedOut && xhr.getResponseHeader("X-Auth-Problem") !== "csrf") return;
    if (waiting.has(element) || (sentAfter.get(xhr) || 0) < (resends.get(element) || 0)) return;
    waiting.add(element);
    const again = () => {
      waiting.delete(element);
      resends.set(element, (resends.get(element) || 0) + 1);
      resending.add(element);
      htmx.trigger(element, element.tagName === "FORM" ? "submit" : "click");
      resending.delete(element); // used by then, or the click did not reach htmx: the next click asks again
    };
    const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    const clicked = trigger && ["click", "submit"].includes(trigger.type) && !typing();
    if (signedOut) (clicked ? signIn() : signInLater()).then(again);
    else refreshToken().then(again, () => { waiting.delete(element); notice(); });
  });
  document.addEventListener("htmx:sendError", () => notice());
  document.addEventListener("htmx:afterSettle", () => { // e.g. a refused row edit cancelled, a form sent
    remember();
    showPage();
  });

  // --- Long texts: the limit said, never a silent cut -------------------------------------------------

  /* A text field's limit (maxlength, 10 000 for a section's text) is shown as it nears, and a paste the
     browser cut at it says how much did not fit: the clerk knows the end of their text is not in the box. */
  const LIMIT_SHOWN_FROM = 0.9;

  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  function limitOf(element) {
    const max = element.maxLength;
    const long = element.tagName === "TEXTAREA" || (element.tagName === "INPUT" && element.type === "text");
    return long && max > 0 && element.id ? max : 0;
  }

  function showLimit(element, cut) {
    const max = limitOf(element);
    if (!max) return;
    let line = document.getElementById(element.id + "-limit");
    const length = element.value.length;
    if (!line && !cut && length < max * LIMIT_SHOWN_FROM) return;
    if (!line) {
      line = document.createElement("p");
      line.id = element.id + "-limit";
      line.className = "hint field-limit";
      line.setAttribute("aria-live", "polite");
      element.insertAdjacentElement("afterend", line);
    }
    const counter = length >= max * LIMIT_SHOWN_FROM ? text("limitCounter", {count: grouped(length), max: grouped(max)}) : "";
    if (cut) {
      line.textContent = text("limitCut", {count: grouped(cut), max: grouped(max)}) + (counter ? " " + counter : "");
      line.classList.add("field-limit-cut");
      line.dataset.cut = "1";
    } else if (!line.dataset.cut) {
      line.textContent = counter;
    }
  }

  document.addEventListener("paste", (event) => {
    const element = event.target;
    const max = limitOf(element);
    if (!max || !event.clipboardData) return;
    const pasted = event.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n");
    const kept = element.value.length - Math.abs((element.selectionEnd || 0) - (element.selectionStart || 0));
    const cut = pasted.length - Math.max(0, max - kept);
    if (cut <= 0) return;
    // Said after the browser has put in what fits, so the counter counts it.
    setTimeout(() => showLimit(element, cut), 0);
  });

  document.addEventListener("input", (event) => {
    const element = event.target;
    const line = element.id && document.getElementById(element.id + "-limit");
    if (line && event.inputType !== "insertFromPaste") delete line.dataset.cut; // typed on: the count again
    if (line && !line.dataset.cut) line.classList.remove("field-limit-cut");
    showLimit(element, 0);
  });

  function notice() {
    const messages = document.getElementById("messages");
    if (!messages) return;
    const message = document.createElement("p");
    message.className = "flash flash-error";
    message.textContent = text("noConnection");
    messages.appendChild(message);
  }

  adoptTyped();
  restore();
  remember();
  showPage();
})();
