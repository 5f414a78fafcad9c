(function () {
  "use strict";
  // All article and glossary text reaches the DOM through textContent or .value, never as markup.
  var result = JSON.parse(document.getElementById("inkuru-result").textContent);
  var entries = JSON.parse(document.getElementById("inkuru-entries").textContent);
  var storageKey = "inkuru-review:" + result.signature + ":" + result.document;
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.row"));
  var tip = document.getElementById("tip");
  var statusLine = document.getElementById("status");
  var byId = {}, state = {}, originalViews = {};
  result.paragraphs.forEach(function (p) { byId[p.id] = p; });

  function setStatus(text) { statusLine.textContent = text; }
  function rowOf(node) { return node && node.closest ? node.closest("article.row") : null; }
  function idOf(row) { return Number(row.getAttribute("data-id")); }

  // --- state: the file's values, overridden by what this browser kept for the same run and file ---
  function fileState() {
    result.paragraphs.forEach(function (p) { state[p.id] = { target: p.target, approved: !!p.approved }; });
  }
  function load() {
    fileState();
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) {
      setStatus("This browser cannot keep edits (no local storage); export before closing the page.");
    }
    if (!saved || typeof saved.paragraphs !== "object" || saved.paragraphs === null) return;
    var stale = 0;
    Object.keys(saved.paragraphs).forEach(function (key) {
      var s = saved.paragraphs[key], mine = state[key];
      if (!mine || typeof s !== "object" || s === null) return;
      // An edit made on another version of this paragraph (the file was edited since) is not applied.
      if (typeof s.base === "string" && s.base !== byId[key].target) {
        if (s.target !== byId[key].target) stale += 1;
        return;
      }
      if (typeof s.target === "string") mine.target = s.target;
      if (typeof s.approved === "boolean") mine.approved = s.approved;
    });
    if (stale) setStatus(stale + " edit(s) kept in this browser were made on an older version of the file and were not applied.");
  }
  function save() {
    var changed = {}, any = false;
    result.paragraphs.forEach(function (p) {
      var s = state[p.id];
      if (s.target !== p.target || s.approved !== !!p.approved) {
        changed[p.id] = { target: s.target, approved: s.approved, base: p.target };
        any = true;
      }
    });
    try {
      if (any) localStorage.setItem(storageKey, JSON.stringify({ version: 1, paragraphs: changed }));
      else localStorage.removeItem(storageKey);
      setStatus(any ? "Saved in this browser." : "No edits.");
    } catch (e) { setStatus("Could not save in this browser; export your edits now."); }
  }

  // --- rendering a row from the state ---
  function markFor(term, p, index, text) {
    var mark = document.createElement("mark");
    mark.className = "term t-" + (term.status === "missing" ? "satisfied" : term.status);
    mark.tabIndex = 0;
    mark.setAttribute("data-term", p.id + "-" + index);
    mark.setAttribute("data-side", "tgt");
    mark.setAttribute("data-entry", String(term.entry || "?"));
    mark.setAttribute("data-status", String(term.status || ""));
    mark.setAttribute("data-source", String(term.source_surface || ""));
    mark.setAttribute("data-target", String(term.target_surface || ""));
    mark.setAttribute("data-message", "edited by hand; check again");
    mark.textContent = text;
    return mark;
  }
  function editedView(view, p, text) {
    // Highlight the term renderings that are still in the edited text (first free occurrence of each).
    var lower = text.toLowerCase(), found = [];
    (p.terms || []).forEach(function (term, index) {
      var needle = typeof term.target_surface === "string" ? term.target_surface.toLowerCase() : "";
      if (!needle || lower.length !== text.length) return;
      for (var at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        var end = at + needle.length;
        if (!found.some(function (f) { return at < f.end && f.start < end; })) {
          found.push({ start: at, end: end, term: term, index: index }); break;
        }
      }
    });
    found.sort(function (a, b) { return a.start - b.start; });
    view.textContent = "";
    var position = 0;
    found.forEach(function (f) {
      view.appendChild(document.createTextNode(text.slice(position, f.start)));
      view.appendChild(markFor(f.term, p, f.index, text.slice(f.start, f.end)));
      position = f.end;
    });
    view.appendChild(document.createTextNode(text.slice(position)));
  }
  function paint(row) {
    var id = idOf(row), p = byId[id], s = state[id], view = row.querySelector(".view");
    var edited = s.target !== p.target;
    if (edited) editedView(view, p, s.target);
    else view.parentNode.replaceChild(originalViews[id].cloneNode(true), view);
    row.classList.toggle("edited", edited);
    var badges = row.querySelector(".badges"), badge = badges.querySelector(".b-edit");
    if (edited && !badge) {
      badge = document.createElement("li");
      badge.className = "b-edit";
      badge.textContent = "edited here";
      badges.appendChild(badge);
    } else if (!edited && badge) badges.removeChild(badge);
    var approve = row.querySelector(".approve");
    approve.setAttribute("aria-pressed", String(s.approved));
    approve.textContent = s.approved ? "Approved" : "Approve";
    row.classList.toggle("approved", s.approved);
  }
  function paintAll() { rows.forEach(paint); count(); applyFilter(); }
  function count() {
    var n = 0;
    Object.keys(state).forEach(function (k) { if (state[k].approved) n += 1; });
    document.getElementById("approved-count").textContent = n + "/" + rows.length;
  }

  // --- filter ---
  var filter = document.getElementById("filter");
  function applyFilter() {
    rows.forEach(function (row) {
      var hide = (filter.value === "problems" && row.getAttribute("data-problem") !== "1") ||
        (filter.value === "unapproved" && state[idOf(row)].approved);
      row.classList.toggle("hidden", hide);
    });
  }
  filter.addEventListener("change", applyFilter);

  // --- order: as in the article, or the model's least confident paragraphs first ---
  var order = document.getElementById("order");
  var documentOrder = rows.slice();
  function confidenceOf(row) {
    var c = byId[idOf(row)].confidence;
    return typeof c === "number" ? c : 2;  // untranslated and human paragraphs last
  }
  order.addEventListener("change", function () {
    rows = order.value === "confidence" ? documentOrder.slice().sort(function (a, b) {
      return confidenceOf(a) - confidenceOf(b) || idOf(a) - idOf(b);
    }) : documentOrder.slice();
    var main = document.getElementById("rows");
    rows.forEach(function (row) { main.appendChild(row); });
  });

  // --- editing and approving ---
  function toggleApprove(row) {
    var s = state[idOf(row)];
    s.approved = !s.approved;
    paint(row); count(); save(); applyFilter();
  }
  function startEdit(row) {
    var existing = row.querySelector("textarea");
    if (existing) { existing.focus(); return; }
    var id = idOf(row), view = row.querySelector(".view");
    var box = document.createElement("div"), area = document.createElement("textarea");
    var bar = document.createElement("div"), ok = document.createElement("button"), no = document.createElement("button");
    box.className = "editor"; bar.className = "editbar";
    area.value = state[id].target;
    area.rows = Math.max(4, Math.ceil(area.value.length / 60) + 1);
    area.setAttribute("aria-label", "Translation of paragraph " + id);
    ok.type = no.type = "button"; ok.className = "save"; no.className = "cancel";
    ok.textContent = "Save (Ctrl+Enter)"; no.textContent = "Cancel (Esc)";
    function finish(keep) {
      if (keep) state[id].target = area.value;
      box.parentNode.removeChild(box);
      row.querySelector(".view").hidden = false;
      paint(row); applyFilter();
      if (keep) save();
      row.focus();
    }
    ok.addEventListener("click", function () { finish(true); });
    no.addEventListener("click", function () { finish(false); });
    area.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); finish(true); }
      else if (event.key === "Escape") { event.preventDefault(); finish(false); }
      event.stopPropagation();
    });
    bar.appendChild(ok); bar.appendChild(no); box.appendChild(area); box.appendChild(bar);
    view.hidden = true;
    view.parentNode.appendChild(box);
    area.focus();
  }
  document.getElementById("rows").addEventListener("click", function (event) {
    var row = rowOf(event.target);
    if (!row) return;
    if (event.target.closest(".edit")) startEdit(row);
    else if (event.target.closest(".approve")) toggleApprove(row);
  });

  // --- keyboard: a roving tab stop over the paragraphs ---
  function focusRow(row) {
    rows.forEach(function (r) { r.tabIndex = r === row ? 0 : -1; });
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }
  function visibleRows() { return rows.filter(function (r) { return !r.classList.contains("hidden"); }); }
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(TEXTAREA|INPUT|SELECT)$/.test(t.tagName)) return;
    if (event.key === "Escape") { hideTip(); return; }
    var row = rowOf(t), list = visibleRows(), at = row ? list.indexOf(row) : -1;
    if (event.key === "j" || event.key === "ArrowDown" || event.key === "k" || event.key === "ArrowUp") {
      var step = event.key === "j" || event.key === "ArrowDown" ? 1 : -1;
      var next = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
      if (next) { event.preventDefault(); focusRow(next); }
    } else if (event.key === "n") {
      var after = list.slice(at + 1).concat(list.slice(0, at + 1));
      var problem = after.filter(function (r) { return r.getAttribute("data-problem") === "1"; })[0];
      if (problem) { event.preventDefault(); focusRow(problem); }
    } else if (row && t === row && (event.key === "e" || event.key === "Enter")) {
      event.preventDefault(); startEdit(row);
    } else if (row && (t === row || t.tagName === "MARK") && event.key === "a") {
      event.preventDefault(); toggleApprove(row);
    }
  });
  rows.forEach(function (row) { row.addEventListener("focus", function () { focusRow(row); }); });
  if (rows.length) rows[0].tabIndex = 0;

  // --- term tooltips, and linking a source term to its rendering ---
  function line(dl, label, value) {
    if (!value) return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label; dd.textContent = value;
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function showTip(mark) {
    var entry = entries[mark.getAttribute("data-entry")] || null, dl = document.createElement("dl");
    var head = document.createElement("div"), status = document.createElement("span"), id = document.createElement("span");
    status.className = "tip-status"; id.className = "tip-id";
    status.textContent = mark.getAttribute("data-status") + " ";
    id.textContent = mark.getAttribute("data-entry");
    head.appendChild(status); head.appendChild(id);
    line(dl, "Source", mark.getAttribute("data-source"));
    line(dl, "Rendered", mark.getAttribute("data-target") || "(not found)");
    if (entry) {
      line(dl, "Preferred", entry.preferred + (entry.verbatim ? " (kept as is)" : ""));
      line(dl, "Variants", entry.variants.join(", "));
      line(dl, "Avoid", entry.forbidden.join(", "));
      line(dl, "Note", entry.note);
      line(dl, "Entry", entry.type + ", " + entry.status);
    } else line(dl, "Entry", "not in this glossary");
    line(dl, "Check", mark.getAttribute("data-message"));
    tip.textContent = "";
    tip.appendChild(head); tip.appendChild(dl);
    tip.hidden = false;
    var box = mark.getBoundingClientRect(), width = tip.offsetWidth;
    var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    mark.setAttribute("aria-describedby", "tip");
    link(mark, true);
  }
  function link(mark, on) {
    var row = rowOf(mark);
    if (!row) return;
    row.querySelectorAll('mark.term[data-term="' + mark.getAttribute("data-term") + '"]').forEach(function (m) {
      m.classList.toggle("linked", on);
    });
  }
  function hideTip() {
    tip.hidden = true;
    document.querySelectorAll("mark.term.linked").forEach(function (m) {
      m.classList.remove("linked"); m.removeAttribute("aria-describedby");
    });
  }
  function termOf(node) { return node && node.closest ? node.closest("mark.term") : null; }
  document.addEventListener("mouseover", function (e) { var m = termOf(e.target); if (m) { hideTip(); showTip(m); } });
  document.addEventListener("mouseout", function (e) { if (termOf(e.target)) hideTip(); });
  document.addEventListener("focusin", function (e) { var m = termOf(e.target); hideTip(); if (m) showTip(m); });

  // --- export and discard ---
  function stem() {
    var base = String(result.document).split(/[\\/]/).pop() || "article";
    return base === "-" ? "stdin" : base.replace(/\.[^.]*$/, "") || base;
  }
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    setStatus("Exported " + name + ".");
  }
  document.getElementById("export-json").addEventListener("click", function () {
    var out = JSON.parse(JSON.stringify(result));
    out.paragraphs.forEach(function (p) {
      var s = state[p.id];
      p.edited = !!p.edited || s.target !== p.target;
      p.target = s.target;
      p.approved = s.approved;
    });
    download(stem() + ".reviewed.json", JSON.stringify(out, null, 2) + "\n", "application/json");
  });
  document.getElementById("export-text").addEventListener("click", function () {
    var text = result.paragraphs.map(function (p) { return state[p.id].target; }).join("\n\n") + "\n";
    download(stem() + "." + result.target_lang + ".txt", text, "text/plain;charset=utf-8");
  });
  var discard = document.getElementById("discard"), armed = null;
  discard.addEventListener("click", function () {
    if (!armed) {
      discard.textContent = "Click again to discard";
      armed = setTimeout(function () { armed = null; discard.textContent = "Discard my edits"; }, 4000);
      return;
    }
    clearTimeout(armed); armed = null; discard.textContent = "Discard my edits";
    fileState(); save(); paintAll(); setStatus("Edits discarded.");
  });

  rows.forEach(function (row) { originalViews[idOf(row)] = row.querySelector(".view").cloneNode(true); });
  load();
  paintAll();
}());
