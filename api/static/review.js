// The review desk: one record at a time, one answer per field, all from the keyboard.
// Records come from POST /review/next (or, when arbitrating, GET /review/arbitration); answers go to
// POST /review/records/{id}/decisions (or /arbitrate). The page never reloads.
// Values are built into the page with textContent only, never as HTML.
(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf"]').content;
  var mode = document.querySelector('meta[name="review-mode"]').content;
  var T = JSON.parse(document.getElementById("desk-text").textContent);  // the page's words (api/locales)
  var ACTION_LABELS = {accept: T.accept, edit: T.edit, illegible: T.illegible, not_on_page: T.not_on_page, add: T.add};
  var STATUS_LABELS = {verified: T.verified, pending: T.pending, disputed: T.disputed};
  var state = {record: null, answers: {}, current: 0, zoom: 1, fit: 1, busy: false, recordType: null};
  var $ = function (id) { return document.getElementById(id); };

  function nfc(s) { return (s == null ? "" : String(s)).normalize("NFC"); }

  function api(method, url, body) {
    var opts = {method: method, credentials: "same-origin", headers: {"Accept": "application/json"}};
    if (method !== "GET") { opts.headers["X-CSRF-Token"] = csrf; }
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(url, opts).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { throw new Error(data.detail || ("HTTP " + r.status)); }
        return data;
      });
    });
  }

  function say(text, error) {
    var m = $("message");
    m.textContent = text || "";
    m.className = "message" + (error ? " error" : "");
  }

  function filters() {
    var out = {collection: [], type: [], reason: [], listed: []};
    var c = $("f-collection").value.trim(), t = $("f-type").value, r = $("f-reason").value, l = $("f-listed").value;
    if (c) { out.collection.push(c); }
    if (t) { out.type.push(t); }
    if (r) { out.reason.push(r); }
    if (l) { out.listed.push(l); }
    return out;
  }

  // --- loading records ---------------------------------------------------------------------------------

  function loadNext() {
    state.busy = true;
    var ask = mode === "arbitration"
      ? api("GET", "/review/arbitration?size=1").then(function (list) {
          return list && list.hits.length ? api("GET", "/review/records/" + encodeURIComponent(list.hits[0].record_id)) : null;
        })
      : api("POST", "/review/next", filters());
    return ask.then(function (record) {
      state.busy = false;
      show(record);
    }).catch(function (err) { state.busy = false; say(err.message, true); });
  }

  function needsAnswer(f) {
    if (f.extra) { return false; }  // what the extractor listed: answered when the reviewer chooses to
    if (mode === "arbitration") { return f.status === "disputed"; }
    return f.status !== "verified" && !f.masked;
  }

  function show(record) {
    state.record = record;
    state.answers = {};
    state.recordType = null;
    $("add-row").hidden = true;
    $("type-row").hidden = true;
    var head = $("record-head"), list = $("fields");
    head.textContent = "";
    list.textContent = "";
    if (!record) {
      var p = document.createElement("p");
      p.className = "empty";
      p.id = "queue-empty";
      p.textContent = mode === "arbitration" ? T.empty_arbitration : T.empty_review;
      head.appendChild(p);
      $("page-img").removeAttribute("src");
      $("box").hidden = true;
      return;
    }
    var h1 = document.createElement("h1");
    h1.textContent = record.type_label + (record.status_label ? " · " + record.status_label : "");
    head.appendChild(h1);
    var meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = T.collection + " " + (record.collection || "—") + " · " + T.confidence + " " +
      (record.confidence == null ? "—" : Math.round(record.confidence * 100) + "%") +
      (record.lease_until ? " · " + T.held_until + " " + record.lease_until.slice(11, 16) : "");
    head.appendChild(meta);
    record.reasons.forEach(function (r) {
      var c = document.createElement("span"); c.className = "chip"; c.textContent = r.label; head.appendChild(c);
    });
    // What the extractor could not place, listed after the fields (never dropped): a required field missing
    // (e types it, n says it is not on the page) and each "label: value" naming no field (g gives it to one).
    (record.missing || []).forEach(function (m) {
      if (m.added) { return; }
      record.fields.push({key: m.key, label: m.label + " — " + T.missing_field, extra: "missing", value: null, raw: "",
                          reasons: ["missing"], box: null, page: null, hint: T.add_hint});
    });
    (record.unmapped || []).forEach(function (u) {
      record.fields.push({key: "unmapped:" + u.index, label: T.unmapped + ": " + (u.label || T.no_label), extra: "unmapped",
                          index: u.index, value: u.value, raw: u.value, crop: u.crop, box: u.box, page: u.page,
                          reasons: [], hint: u.assigned_to ? T.assigned_to + " " + u.assigned_to : T.assign_hint});
    });
    record.fields.forEach(function (f, i) { list.appendChild(fieldRow(f, i)); });
    // The fields that may be added, as a hint (a suggestion list would take the Enter key for itself).
    $("add-keys").textContent = record.addable.map(function (a) { return a.key + " (" + a.label + ")"; }).join(", ");
    var sel = $("type-select");
    sel.textContent = "";
    record.types.forEach(function (t) {
      var o = document.createElement("option"); o.value = t.value; o.textContent = t.label;
      if (t.value === record.record_type) { o.selected = true; }
      sel.appendChild(o);
    });
    var first = record.fields.findIndex(needsAnswer);
    state.current = first < 0 ? 0 : first;
    loadPage(record.pages[0]);
    focusField(state.current);
  }

  function fieldRow(f, i) {
    var li = document.createElement("li");
    li.className = "field";
    li.id = "field-" + i;
    li.dataset.key = f.key;
    var label = document.createElement("div");
    label.className = "row";
    var name = document.createElement("span"); name.className = "label"; name.textContent = f.label;
    label.appendChild(name);
    f.reasons.forEach(function (code) {
      var c = document.createElement("span"); c.className = "chip";
      c.textContent = (state.record.reason_labels || {})[code] || code; label.appendChild(c);
    });
    if (f.status) {
      var st = document.createElement("span"); st.className = "status";
      st.textContent = (STATUS_LABELS[f.status] || f.status) + (f.by ? " (" + f.by + ")" : ""); label.appendChild(st);
    }
    if (f.two_person) {
      var tp = document.createElement("span"); tp.className = "hint"; tp.textContent = T.two_person;
      label.appendChild(tp);
    }
    if (f.hint) {
      var hint = document.createElement("span"); hint.className = "hint"; hint.textContent = f.hint;
      label.appendChild(hint);
    }
    if (f.extra) { li.classList.add("listed-" + f.extra); }
    li.appendChild(label);
    if (f.crop) {
      var img = document.createElement("img"); img.className = "crop"; img.src = f.crop; img.alt = T.crop_alt;
      li.appendChild(img);
    }
    var raw = document.createElement("div"); raw.className = "raw";
    raw.textContent = "OCR: " + (f.raw == null || f.raw === "" ? "—" : f.raw) +
      (f.confidence == null ? "" : " · " + Math.round(f.confidence * 100) + "%");
    li.appendChild(raw);
    var input = document.createElement("input");
    input.className = "value"; input.readOnly = true; input.lang = "vi"; input.autocomplete = "off";
    input.spellcheck = false;
    input.value = f.value == null ? "" : String(f.value);
    input.setAttribute("aria-label", f.label);
    li.appendChild(input);
    if (f.proposals && f.proposals.length) {
      var ol = document.createElement("ol"); ol.className = "proposals";
      f.proposals.forEach(function (p) {
        var item = document.createElement("li");
        item.textContent = (p.value == null ? "(" + (ACTION_LABELS[p.action] || p.action) + ")" : String(p.value)) +
          " — " + (p.by || "");
        ol.appendChild(item);
      });
      li.appendChild(ol);
    }
    var ans = document.createElement("div"); ans.className = "answer"; li.appendChild(ans);
    return li;
  }

  // --- the page image ---------------------------------------------------------------------------------

  function loadPage(page) {
    var img = $("page-img");
    if (!page || !page.url) { img.removeAttribute("src"); return; }
    if (img.dataset.page !== String(page.page) || img.dataset.url !== page.url) {
      img.dataset.page = String(page.page);
      img.dataset.url = page.url;
      img.onload = function () { fitWidth(); drawBox(); };
      img.src = page.url;
    }
  }

  function fitWidth() {
    var img = $("page-img");
    if (!img.naturalWidth) { return; }
    state.fit = ($("viewer").clientWidth - 4) / img.naturalWidth;
    setZoom(state.fit);
  }

  function setZoom(z) {
    state.zoom = Math.max(0.1, Math.min(z, 8));
    var img = $("page-img");
    $("canvas").style.transform = "scale(" + state.zoom + ")";
    $("canvas").style.width = (img.naturalWidth || 0) + "px";
    $("canvas").style.height = (img.naturalHeight || 0) + "px";
    $("zoom-label").textContent = Math.round(state.zoom * 100) + "%";
    drawBox();
  }

  function drawBox() {
    var f = state.record && state.record.fields[state.current];
    var box = $("box");
    if (!f || !f.box) { box.hidden = true; return; }
    var page = state.record.pages.find(function (p) { return p.page === f.page; });
    if (page) { loadPage(page); }
    var b = f.box;
    box.hidden = false;
    box.style.left = b[0] + "px"; box.style.top = b[1] + "px";
    box.style.width = (b[2] - b[0]) + "px"; box.style.height = (b[3] - b[1]) + "px";
    var v = $("viewer");
    v.scrollLeft = Math.max(0, (b[0] + b[2]) / 2 * state.zoom - v.clientWidth / 2);
    v.scrollTop = Math.max(0, (b[1] + b[3]) / 2 * state.zoom - v.clientHeight / 2);
  }

  // --- answering ------------------------------------------------------------------------------------

  function row(i) { return $("field-" + i); }

  function focusField(i) {
    var fields = state.record ? state.record.fields : [];
    if (!fields.length) { return; }
    state.current = Math.max(0, Math.min(i, fields.length - 1));
    fields.forEach(function (_, k) { row(k).classList.toggle("current", k === state.current); });
    row(state.current).scrollIntoView({block: "nearest"});
    drawBox();
  }

  function answer(action, value) {
    var f = state.record.fields[state.current];
    if (f.masked) { say(T.hidden_field, true); return; }
    if (f.extra && action === "accept" || f.extra === "unmapped") { focusField(state.current + 1); return; }
    if (f.extra === "missing" && action === "edit") { action = "add"; }
    state.answers[f.key] = {field: f.key, action: action, value: value};
    var li = row(state.current);
    li.className = "field current answered-" + action;
    li.querySelector(".answer").textContent = ACTION_LABELS[action] + (action === "edit" ? ": " + value : "");
    if (action === "illegible" || action === "not_on_page") { li.querySelector("input.value").value = ""; }
    advance();
  }

  function unanswered() {
    return state.record.fields.map(function (f, i) { return i; }).filter(function (i) {
      var f = state.record.fields[i];
      return needsAnswer(f) && !state.answers[f.key];
    });
  }

  function advance() {
    var open = unanswered();
    if (!open.length) { submit(); return; }
    var after = open.filter(function (i) { return i > state.current; });
    focusField(after.length ? after[0] : open[0]);
  }

  function startEdit() {
    var f = state.record.fields[state.current];
    if (f.masked) { say(T.hidden_field, true); return; }
    if (f.extra === "unmapped") { say(T.assign_hint); return; }
    var input = row(state.current).querySelector("input.value");
    input.readOnly = false;
    input.focus();
    input.select();
    input.onkeydown = function (ev) {
      if (ev.isComposing || ev.keyCode === 229) { return; }  // an IME is composing a Vietnamese letter
      if (ev.key === "Enter") {
        ev.preventDefault(); ev.stopPropagation();
        input.readOnly = true; input.onkeydown = null;
        var typed = nfc(input.value).trim();
        input.value = typed;
        input.blur();
        if (!typed) { answer("illegible"); } else { answer("edit", typed); }
      } else if (ev.key === "Escape") {
        ev.preventDefault(); ev.stopPropagation();
        input.readOnly = true; input.onkeydown = null;
        input.value = f.value == null ? "" : String(f.value);
        input.blur();
      }
    };
  }

  function pickProposal(n) {
    var f = state.record.fields[state.current];
    var p = f.proposals && f.proposals[n];
    if (!p) { return; }
    if (p.value == null) { answer(p.action === "accept" ? "accept" : p.action); }
    else { answer("edit", String(p.value)); }
  }

  function openAdd() {
    state.drawn = null;
    $("add-row").hidden = false;
    var key = $("add-key"), value = $("add-value");
    key.value = ""; value.value = "";
    key.focus();
    // Blur first: a hidden input may keep the focus for a moment and swallow the next keys.
    var done = function () { key.blur(); value.blur(); $("add-row").hidden = true; key.onkeydown = value.onkeydown = null; };
    key.onkeydown = function (ev) {
      if (ev.isComposing || ev.keyCode === 229) { return; }
      if (ev.key === "Enter") { ev.preventDefault(); ev.stopPropagation(); value.focus(); }
      if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); done(); }
    };
    value.onkeydown = function (ev) {
      if (ev.isComposing || ev.keyCode === 229) { return; }
      if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); done(); return; }
      if (ev.key !== "Enter") { return; }
      ev.preventDefault(); ev.stopPropagation();
      var k = key.value.trim(), v = nfc(value.value).trim();
      if (!k || !v) { say(T.need_key_value, true); return; }
      var drawn = state.drawn;
      var page = drawn ? drawn.page : (state.record.pages[0] ? state.record.pages[0].page : null);
      state.answers[k] = {field: k, action: "add", value: v, page: page, bbox: drawn ? drawn.box : null};
      var f = {key: k, label: k, reasons: [], value: v, raw: "", confidence: null, page: page,
               box: drawn ? drawn.box : null, status: null, added: true};
      state.drawn = null;
      state.record.fields.push(f);
      var li = fieldRow(f, state.record.fields.length - 1);
      li.classList.add("answered-add");
      li.querySelector(".answer").textContent = ACTION_LABELS.add;
      $("fields").appendChild(li);
      done();
      say(T.field_added + " " + k);
      focusField(state.current);
    };
  }

  // An unmapped "label: value" given to a field in one step: the server takes the value and its place on the page.
  function openAssign() {
    var f = state.record.fields[state.current];
    if (!f || f.extra !== "unmapped") { say(T.assign_hint, true); return; }
    $("assign-row").hidden = false;
    var key = $("assign-key");
    key.value = "";
    key.focus();
    var done = function () { key.blur(); $("assign-row").hidden = true; key.onkeydown = null; };
    key.onkeydown = function (ev) {
      if (ev.isComposing || ev.keyCode === 229) { return; }
      if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); done(); return; }
      if (ev.key !== "Enter") { return; }
      ev.preventDefault(); ev.stopPropagation();
      var k = key.value.trim();
      if (!k) { say(T.need_key, true); return; }
      state.answers[k] = {field: k, action: "assign", unmapped: f.index};
      var li = row(state.current);
      li.classList.add("answered-add");
      li.querySelector(".answer").textContent = T.assigned_to + " " + k;
      done();
      focusField(state.current + 1);
    };
  }

  // Split at the current field (it and what follows it on the document make a new record) or at the top of its
  // page; merge with the next record of the document. The record is shown again as it now is.
  function regroup(url, body, message) {
    if (state.busy || !state.record) { return; }
    var id = state.record.id;
    state.busy = true;
    say(T.saving);
    api("POST", "/review/records/" + encodeURIComponent(id) + url, body).then(function (res) {
      return api("GET", "/review/records/" + encodeURIComponent(id)).then(function (record) {
        state.busy = false;
        show(record);
        say(message(res));
        document.body.dataset.regrouped = res.new || res.merged || "";
      });
    }).catch(function (err) { state.busy = false; say(err.message, true); });
  }

  function split(atPage) {
    var f = state.record.fields[state.current];
    if (!f || f.extra) { return; }
    var body = atPage ? {page: f.page || (state.record.pages[0] || {}).page} : {field: f.key};
    regroup("/split", body, function (res) { return T.split_done + " " + res.new; });
  }

  function mergeNext() {
    regroup("/merge-next", undefined, function () { return T.merge_done; });
  }

  function openType() {
    $("type-row").hidden = false;
    var sel = $("type-select");
    sel.focus();
    sel.onkeydown = function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault(); ev.stopPropagation();
        state.recordType = sel.value === state.record.record_type ? null : sel.value;
        sel.blur(); $("type-row").hidden = true; sel.onkeydown = null;
        say(state.recordType ? T.type_on_save : "");
      } else if (ev.key === "Escape") {
        ev.preventDefault(); ev.stopPropagation(); sel.blur(); $("type-row").hidden = true; sel.onkeydown = null;
      }
    };
  }

  function submit() {
    if (state.busy || !state.record) { return; }
    var decisions = Object.keys(state.answers).map(function (k) { return state.answers[k]; });
    var url = "/review/records/" + encodeURIComponent(state.record.id) +
      (mode === "arbitration" ? "/arbitrate" : "/decisions");
    state.busy = true;
    say(T.saving);
    api("POST", url, {decisions: decisions, record_type: state.recordType}).then(function (res) {
      state.busy = false;
      say(T.saved + ": " + (res.status_label || res.review_status));
      document.body.dataset.saved = res.id;
      return loadNext();
    }).catch(function (err) { state.busy = false; say(err.message, true); });
  }

  function skip() {
    if (!state.record) { return loadNext(); }
    var id = state.record.id;
    api("POST", "/review/records/" + encodeURIComponent(id) + "/release").then(loadNext)
      .catch(function (err) { say(err.message, true); });
  }

  // --- drawing the box of an added field (the one thing done with the mouse; typing alone works too) -------

  (function () {
    var canvas = $("canvas"), start = null;
    function at(ev) {
      var r = canvas.getBoundingClientRect();
      return [Math.round((ev.clientX - r.left) / state.zoom), Math.round((ev.clientY - r.top) / state.zoom)];
    }
    function show(a, b) {
      var box = $("box");
      box.hidden = false;
      box.style.left = Math.min(a[0], b[0]) + "px"; box.style.top = Math.min(a[1], b[1]) + "px";
      box.style.width = Math.abs(b[0] - a[0]) + "px"; box.style.height = Math.abs(b[1] - a[1]) + "px";
    }
    canvas.addEventListener("mousedown", function (ev) {
      if ($("add-row").hidden || !state.record) { return; }
      ev.preventDefault();
      start = at(ev);
    });
    canvas.addEventListener("mousemove", function (ev) { if (start) { show(start, at(ev)); } });
    window.addEventListener("mouseup", function (ev) {
      if (!start) { return; }
      var end = at(ev);
      var img = $("page-img");
      state.drawn = {page: Number(img.dataset.page) || null,
                     box: [Math.min(start[0], end[0]), Math.min(start[1], end[1]),
                           Math.max(start[0], end[0]), Math.max(start[1], end[1])]};
      start = null;
      say(T.box_drawn);
      $("add-value").focus();
    });
  }());

  // --- the keyboard ---------------------------------------------------------------------------------

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" && !t.readOnly || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (typing || ev.isComposing || ev.altKey || ev.metaKey) { return; }
    if (ev.key === "?") { $("help").hidden = !$("help").hidden; ev.preventDefault(); return; }
    if (ev.key === "+" || ev.key === "=") { setZoom(state.zoom * 1.25); ev.preventDefault(); return; }
    if (ev.key === "-") { setZoom(state.zoom / 1.25); ev.preventDefault(); return; }
    if (ev.key === "0") { fitWidth(); ev.preventDefault(); return; }
    if (!state.record || state.busy) { return; }
    if (ev.key === "Enter" && ev.ctrlKey) { submit(); ev.preventDefault(); return; }
    if (ev.ctrlKey) { return; }
    var f = state.record.fields[state.current];
    switch (ev.key) {
      case "Enter":
        if (mode === "arbitration") { pickProposal(0); } else if (f) { answer("accept"); }
        break;
      case "ArrowDown": case "j": focusField(state.current + 1); break;
      case "ArrowUp": case "k": focusField(state.current - 1); break;
      case "e": case "F2": startEdit(); break;
      case "i": answer("illegible"); break;
      case "n": answer("not_on_page"); break;
      case "u":
        if (f) {
          delete state.answers[f.key];
          if (f.extra === "unmapped") {  // the field this pair was given to
            Object.keys(state.answers).forEach(function (k) {
              if (state.answers[k].unmapped === f.index) { delete state.answers[k]; }
            });
          }
          row(state.current).className = "field current";
          row(state.current).querySelector(".answer").textContent = "";
        }
        break;
      case "a": openAdd(); break;
      case "t": openType(); break;
      case "g": openAssign(); break;
      case "c": if (mode !== "arbitration") { split(false); } break;
      case "C": if (mode !== "arbitration") { split(true); } break;
      case "m": if (mode !== "arbitration") { mergeNext(); } break;
      case "s": submit(); break;
      case "x": skip(); break;
      case "1": pickProposal(0); break;
      case "2": pickProposal(1); break;
      default: return;
    }
    ev.preventDefault();
  });

  $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); skip(); });
  ["f-type", "f-reason", "f-listed"].forEach(function (id) { $(id).addEventListener("change", skip); });
  $("f-collection").addEventListener("change", skip);
  window.addEventListener("resize", function () { if (state.zoom === state.fit) { fitWidth(); } });
  window.addEventListener("beforeunload", function () {
    if (state.record && mode !== "arbitration") {
      navigator.sendBeacon && fetch("/review/records/" + encodeURIComponent(state.record.id) + "/release",
        {method: "POST", credentials: "same-origin", keepalive: true, headers: {"X-CSRF-Token": csrf}});
    }
  });
  loadNext();
}());
