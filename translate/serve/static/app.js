// Inkuru review workstation. No inline script (the CSP forbids it); all text reaches the DOM as textContent, or
// as HTML the server rendered with every piece of article text escaped.
"use strict";
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const nameInput = document.getElementById("editor-name");
  const editorName = () => localStorage.getItem("inkuru-editor") || "";
  // The names the server records (auth.py's _NAME): any letters, digits, spaces and . ' ’ @ - _
  const plausibleName = (name) => /^[\p{L}\p{N}_ .'’@-]{1,40}$/u.test(name);
  if (nameInput) {
    const needed = document.getElementById("name-needed");
    const neededText = needed ? needed.textContent : "";
    nameInput.value = editorName();
    if (needed) needed.hidden = Boolean(editorName());
    nameInput.addEventListener("change", () => {
      const name = nameInput.value.trim();
      if (name && !plausibleName(name)) {
        if (needed) { needed.textContent = `"${name}" cannot be recorded: use letters, digits, spaces and . ' @ - only.`; needed.hidden = false; }
        return;
      }
      localStorage.setItem("inkuru-editor", name);
      if (needed) { needed.textContent = neededText; needed.hidden = Boolean(editorName()); }
    });
  }

  async function call(method, url, body, isForm) {
    const headers = {"X-Inkuru-CSRF": csrf};
    // encoded: a header carries Latin-1 only, and a name may be Émile or O’Neil
    if (editorName()) headers["X-Inkuru-Editor"] = encodeURIComponent(editorName());
    if (body !== undefined && !isForm) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* not JSON: keep {} */ }
    return {status: response.status, data};
  }

  const signOut = document.getElementById("sign-out");
  if (signOut) signOut.addEventListener("click", async () => { await call("POST", "/logout"); location.href = "/login"; });

  const page = document.body.dataset.page;
  if (page === "articles") articlesPage();
  if (page === "editor") editorPage();
  if (page === "glossary") glossaryPage();

  // -- Articles: upload with progress, import ---------------------------------------------------------------
  function articlesPage() {
    const upload = document.getElementById("upload");
    const job = upload.querySelector(".job"), bar = job.querySelector("progress"), status = job.querySelector(".job-status");
    upload.addEventListener("submit", async (event) => {
      event.preventDefault();
      job.hidden = false; bar.hidden = false; bar.removeAttribute("value"); status.textContent = "uploading…";
      const {status: code, data} = await call("POST", "/api/articles", new FormData(upload), true);
      if (code !== 202) { bar.hidden = true; status.textContent = data.error || `upload failed (${code})`; return; }
      const poll = async () => {
        let reply;
        try { reply = await call("GET", `/api/jobs/${encodeURIComponent(data.id)}`); } catch (e) { reply = {status: 0}; }
        if (reply.status === 0) { status.textContent = "the server cannot be reached; waiting"; setTimeout(poll, 2000); return; }
        if (reply.status === 404) {
          bar.hidden = true;
          status.textContent = "the server restarted and this translation was lost: upload the file again";
          return;
        }
        const state = reply.data;
        if (state.status === "done") { status.textContent = "done"; location.href = `/articles/${state.article}`; return; }
        if (state.status === "failed") { bar.hidden = true; status.textContent = state.message; return; }
        if (state.total) { bar.max = state.total; bar.value = state.done; }
        status.textContent = state.total ? `translating: ${state.done} of ${state.total} sentences` :
          state.status === "queued" ? "waiting for the translation before it" : "loading the model…";
        setTimeout(poll, 500);
      };
      poll();
    });
    const importForm = document.getElementById("import");
    const importStatus = importForm.querySelector(".import-status");
    importForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      importStatus.textContent = "importing…";
      const {status: code, data} = await call("POST", "/api/import", new FormData(importForm), true);
      if (code === 201 && data.existing) {
        importStatus.textContent = "already imported: opening it";
        setTimeout(() => { location.href = `/articles/${data.article}`; }, 800);
      } else if (code === 201) location.href = `/articles/${data.article}`;
      else importStatus.textContent = data.error || `import failed (${code})`;
    });
  }

  // -- Editor: save as you type, conflicts, approve, comments, history, order, keys -------------------------
  function editorPage() {
    const article = document.getElementById("toolbar").dataset.article;
    const rowsBox = document.getElementById("rows");
    const rows = [...document.querySelectorAll("section.row")];
    const editable = rows.filter((row) => row.querySelector("textarea"));
    const backupKey = (row) => `inkuru:${article}:${row.dataset.pid}`;
    const url = (row, tail = "") => `/api/articles/${article}/paragraphs/${row.dataset.pid}${tail}`;

    function fit(area) { area.style.height = "auto"; area.style.height = `${area.scrollHeight + 2}px`; }
    function say(row, text, kind = "") {
      const box = row.querySelector(".save-status");
      box.textContent = text; box.dataset.kind = kind;
    }
    function applied(row, data) {
      row.dataset.version = data.version;
      row.dataset.state = data.state;
      row.className = `row s-${data.state}`;
      row.querySelector(".approve").textContent = data.state === "approved" ? "Unapprove" : "Approve";
      if (data.checks !== undefined) row.querySelector(".checks").innerHTML = data.checks;  // server-escaped
      row.dataset.needs = data.state !== "approved" && row.querySelector(".problems") ? "1" : "0";
    }
    // `comment`: a comment the editor was saving when the conflict came; whichever text they keep, it is kept
    // (`commentStays`), except one found in the browser from before another editor's change: "use theirs" drops it.
    function conflict(row, data, retry, comment = null, commentStays = true) {
      const box = row.querySelector(".conflict");
      box.hidden = false;
      row.dataset.conflict = "1";  // nothing is saved until the editor chooses
      box.querySelector(".conflict-who").textContent = data.current.editor;
      const area = row.querySelector("textarea");
      box.querySelector(".theirs").textContent = data.current.target +
        (comment !== null && data.current.comment ? `\n— their comment: ${data.current.comment}` : "");
      box.querySelector(".yours").textContent = area.value +  // what is on screen (an approval sends no text)
        (comment !== null ? `\n— your comment: ${comment}` : "");
      say(row, "conflict: choose a version", "error");
      box.querySelector(".take-theirs").onclick = () => {
        box.hidden = true;
        delete row.dataset.conflict;
        area.value = data.current.target; fit(area);
        stored.set(row, data.current.target);
        applied(row, data.current);
        localStorage.removeItem(backupKey(row));
        say(row, "their version kept", "ok");
        const pending = comment ?? pendingComment(row);  // a comment still unsaved goes on, on their version
        if (pending !== null && (comment === null || commentStays)) sendComment(row, pending);
        else {
          localStorage.removeItem(commentKey(row));
          row.querySelector(".comment").value = data.current.comment;
        }
      };
      box.querySelector(".keep-mine").onclick = () => {
        box.hidden = true;
        delete row.dataset.conflict;
        // The server holds their text at their version: the text on screen is saved over it (named on that
        // version), then the retried action goes on.
        row.dataset.version = data.current.version;
        stored.set(row, data.current.target);
        retry();
        const pending = pendingComment(row);
        if (comment === null && pending !== null) sendComment(row, pending);  // after the text, in its chain
      };
    }

    // Saves of a row run one after another (a promise chain per row): a save waits for the one before it, so
    // it always names the version the server gave that one. `save` resolves true once the text on screen is
    // stored (or already was), false if it could not be (an error the row shows, or a conflict to resolve).
    const chains = new Map(), timers = new Map(), stored = new Map();
    function save(row) {
      const next = (chains.get(row) || Promise.resolve(true)).then(() => saveNow(row));
      chains.set(row, next.catch(() => false));
      return next;
    }
    async function saveNow(row) {
      if (row.dataset.conflict) return false;
      const area = row.querySelector("textarea");
      const text = area.value, version = Number(row.dataset.version);
      if (text === stored.get(row)) return true;
      say(row, "saving…");
      let reply;
      try {
        reply = await call("PUT", url(row), {text, version});
      } catch (e) {
        reply = {status: 0, data: {}};
      }
      if (reply.status === 200) {
        applied(row, reply.data);
        stored.set(row, text);
        if (area.value === text) localStorage.removeItem(backupKey(row));
        say(row, "saved", "ok");
        return true;
      }
      if (reply.status === 409) {
        conflict(row, reply.data, () => save(row));
      } else if (reply.status === 0 || reply.status === 502 || reply.status === 503 || reply.status === 504) {
        say(row, "not saved: the server cannot be reached; retrying (your text is kept in this browser)", "error");
        setTimeout(() => save(row), 2000);
      } else {
        say(row, reply.data.error || `not saved (${reply.status})`, "error");
      }
      return false;
    }
    function flush(row) {
      clearTimeout(timers.get(row));
      timers.delete(row);
      return save(row);
    }
    function scheduleSave(row) {
      clearTimeout(timers.get(row));
      timers.set(row, setTimeout(() => { timers.delete(row); save(row); }, 400));
    }

    // Size every box in three passes (write, read, write): one layout for the page, not one per paragraph.
    const areas = editable.map((row) => row.querySelector("textarea"));
    for (const area of areas) area.style.height = "auto";
    const heights = areas.map((area) => area.scrollHeight);
    areas.forEach((area, i) => { area.style.height = `${heights[i] + 2}px`; });
    for (const row of editable) {
      const area = row.querySelector("textarea");
      stored.set(row, area.value);
      // A text typed before a crash or a closed tab that never reached the server is offered again.
      const backup = JSON.parse(localStorage.getItem(backupKey(row)) || "null");
      if (backup && backup.text !== area.value) {
        if (String(backup.version) === row.dataset.version) { area.value = backup.text; fit(area); save(row); }
        else conflict(row, {current: {editor: "someone", target: area.value, version: Number(row.dataset.version)},
                            yours: backup.text}, () => { area.value = backup.text; save(row); });
      }
      area.addEventListener("input", () => {
        fit(area);
        localStorage.setItem(backupKey(row), JSON.stringify({text: area.value, version: row.dataset.version}));
        say(row, "editing…");
        scheduleSave(row);
      });
      area.addEventListener("blur", () => { if (timers.has(row)) flush(row); });
      row.querySelector(".approve").addEventListener("click", () => approve(row));
      // A comment typed before a crash or while the server was down: sent again, or, if the paragraph changed
      // since, shown as a conflict (it would otherwise replace a newer comment unseen).
      const pending = pendingComment(row), field = row.querySelector(".comment");
      if (pending !== null && pending !== field.value) {
        if (String(commentBackup(row).version) === row.dataset.version) { field.value = pending; sendComment(row, pending); }
        else conflict(row, {current: {editor: "someone", target: row.querySelector("textarea").value,
                                      version: Number(row.dataset.version), comment: field.value}},
                      () => sendComment(row, pending), pending, false);
      }
      row.querySelector(".comment").addEventListener("change", (event) => sendComment(row, event.target.value));
      row.querySelector(".show-history").addEventListener("click", async () => {
        const list = row.querySelector("ol.history");
        if (!list.hidden) { list.hidden = true; return; }
        const {data} = await call("GET", url(row, "/history"));
        list.replaceChildren(...data.map((item) => {
          const li = document.createElement("li");
          const when = new Date(item.at * 1000).toLocaleString();
          li.textContent = `v${item.version} ${item.action} by ${item.editor}, ${when} (${item.state}): ${item.target}` +
            (item.comment ? ` — comment: ${item.comment}` : "");
          return li;
        }));
        list.hidden = false;
      });
    }

    // hoisted, as the rows' set-up above uses them
    function commentKey(row) { return `${backupKey(row)}:comment`; }
    function commentBackup(row) {  // {comment, version} or null
      try {
        const backup = JSON.parse(localStorage.getItem(commentKey(row)) || "null");
        return backup && typeof backup.comment === "string" ? backup : null;
      } catch (e) {
        return null;
      }
    }
    function pendingComment(row) { const backup = commentBackup(row); return backup === null ? null : backup.comment; }
    async function sendComment(row, comment) {
      // kept until the server has it, with the version it was written on
      localStorage.setItem(commentKey(row), JSON.stringify({comment, version: row.dataset.version}));
      if (!(await flush(row))) {  // the comment names the version of the text on screen
        if (!row.dataset.conflict) setTimeout(() => { if (pendingComment(row) === comment) sendComment(row, comment); }, 2000);
        return;
      }
      let reply;
      try {
        reply = await call("POST", url(row, "/comment"), {comment, version: Number(row.dataset.version)});
      } catch (e) {
        reply = {status: 0, data: {}};
      }
      const {status, data} = reply;
      if (status === 200) {
        applied(row, data);
        if (pendingComment(row) === comment) localStorage.removeItem(commentKey(row));
        say(row, "comment saved", "ok");
      } else if (status === 409) {
        conflict(row, data, () => sendComment(row, comment), comment);
      } else if (status === 0 || status >= 502) {
        say(row, "comment not saved: the server cannot be reached; retrying (it is kept in this browser)", "error");
        setTimeout(() => { if (pendingComment(row) === comment) sendComment(row, comment); }, 2000);
      } else {
        say(row, data.error || `comment not saved (${status})`, "error");
      }
    }

    async function approve(row) {
      // Approve the text on screen, not an older one: it is saved first, and nothing is approved if it cannot be.
      if (!(await flush(row))) return false;
      const approved = row.dataset.state !== "approved";
      let reply;
      try {
        reply = await call("POST", url(row, "/approve"), {version: Number(row.dataset.version), approved});
      } catch (e) {
        say(row, "not approved: the server cannot be reached; try again", "error");
        return false;
      }
      const {status, data} = reply;
      if (status === 200) { applied(row, data); say(row, approved ? "approved" : "approval withdrawn", "ok"); }
      else if (status === 409) conflict(row, data, () => approve(row));
      else say(row, data.error || `not approved (${status})`, "error");
      return status === 200;
    }

    function move(from, step) {
      const visible = [...rowsBox.querySelectorAll("section.row")].filter((r) => !r.hidden && r.querySelector("textarea"));
      const index = visible.indexOf(from);
      const next = visible[index + step];
      if (next) { next.querySelector("textarea").focus(); next.scrollIntoView({block: "center"}); }
    }
    document.addEventListener("keydown", async (event) => {
      const row = event.target.closest && event.target.closest("section.row");
      if (!row || !row.querySelector("textarea")) return;
      if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault(); move(row, event.key === "ArrowDown" ? 1 : -1);
      } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        if (row.dataset.state === "approved" || await approve(row)) move(row, 1);
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault(); flush(row);
      }
    });

    const order = document.getElementById("order"), only = document.getElementById("only-problems");
    function arrange() {
      const key = {
        position: (r) => Number(r.dataset.position),
        confidence: (r) => (r.dataset.confidence === "" ? 2 : Number(r.dataset.confidence)),
        needs: (r) => (r.dataset.needs === "1" ? 0 : 1),
      }[order.value];
      const sorted = [...rows].sort((a, b) => key(a) - key(b) || Number(a.dataset.position) - Number(b.dataset.position));
      rowsBox.replaceChildren(...sorted);
      for (const r of rows) r.hidden = only.checked && r.dataset.needs !== "1";
    }
    order.addEventListener("change", arrange);
    only.addEventListener("change", arrange);

    document.getElementById("approve-article").addEventListener("click", async () => {
      const open = editable.filter((r) => r.dataset.state !== "approved");
      const flagged = open.filter((r) => r.dataset.needs === "1").length;
      const question = `Approve the ${open.length} paragraphs not approved yet` +
        (flagged ? `, ${flagged} of them with problems flagged` : "") +
        "? Approved paragraphs teach the translation memory.";
      const unresolved = editable.filter((r) => r.dataset.conflict).map((r) => r.dataset.pid);
      if (unresolved.length) {
        alert(`Resolve the conflict in paragraph ${unresolved.join(", ")} first: choose a version there.`);
        return;
      }
      if (!confirm(open.length ? question : "Approve the article as it stands?")) return;
      for (const row of editable) if (!(await flush(row))) return;  // what is on screen is what gets approved
      const versions = Object.fromEntries(editable.map((r) => [r.dataset.pid, Number(r.dataset.version)]));
      let reply;
      try {
        reply = await call("POST", `/api/articles/${article}/approve`, {versions});
      } catch (e) {
        alert("Not approved: the server cannot be reached. Try again in a moment.");
        return;
      }
      const {status, data} = reply;
      if (status === 200) location.reload();
      else alert(data.error || `not approved (${status})`);
    });
  }

  // -- Glossary: accept or dismiss candidates ---------------------------------------------------------------
  function glossaryPage() {
    for (const form of document.querySelectorAll("form.candidate")) {
      const status = form.querySelector(".candidate-status");
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const row = Object.fromEntries(new FormData(form).entries());
        const {status: code, data} = await call("POST", "/api/glossary/candidates", row);
        if (code === 201) { status.textContent = `added ${data.entry} to ${data.file}`; form.querySelector("button[type=submit]").disabled = true; }
        else status.textContent = data.error || `not added (${code})`;
      });
      form.querySelector(".dismiss").addEventListener("click", async () => {
        const {status: code} = await call("POST", "/api/glossary/candidates/dismiss", {key: form.dataset.key});
        if (code === 200) form.remove();
      });
    }
  }
})();
