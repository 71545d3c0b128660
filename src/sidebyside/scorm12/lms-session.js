/* Side by Side in an LMS: the package's launch page (lms.html). It holds the one SCORM 1.2
 * session for the whole visit, shows the course's pages in a frame, and keeps the LMS told:
 * progress in cmi.suspend_data, status and score, the last page, the time spent. Pages in the
 * frame reach it through window.parent.sidebyside.lms (assets/sidebyside/lms.js). With no
 * LMS, or one that fails, the pages simply work on their own. */
(function () {
  "use strict";
  var LIMIT = 4096; // SCORM 1.2's cmi.suspend_data
  var data = JSON.parse(document.getElementById("sbs-course-data").textContent);

  function apiIn(win) {
    for (var tries = 0; win && tries <= 7; tries++) {
      try { if (win.API) return win.API; } catch (e) { return null; } // another origin
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var API = apiIn(window) || (window.opener ? apiIn(window.opener) : null);

  function call(name, a, b) {
    try {
      var result = API[name](a, b);
      return result === undefined || result === null ? "" : String(result);
    } catch (e) { return ""; }
  }
  var connected = !!API && call("LMSInitialize", "") === "true";
  var sent = {};
  function get(name) { return connected ? call("LMSGetValue", name) : ""; }
  function set(name, value) {
    if (!connected || sent[name] === value) return;
    if (call("LMSSetValue", name, value) === "true") sent[name] = value;
  }
  function commit() { if (connected) call("LMSCommit", ""); }

  /* ---- cmi.suspend_data: a compact record of the store's entries --------------------------
   * {"v":1,"q":"<module>;<module>...","s":{scenario:choice},"n":{note:text}} where a module is
   * its questions' answers, each "<first 3 characters of the question's key><chosen options
   * as a base-36 bit mask><! right | ~ once right>", empty when unanswered. Worksheet entries,
   * and notes that do not fit, stay in the browser. */
  function encode(state) {
    var q = data.modules.map(function (module) {
      return module.questions.map(function (key) {
        var answer = state["quiz:" + module.id + ":" + key];
        if (!answer || !Array.isArray(answer.chosen)) return "";
        var mask = 0;
        answer.chosen.forEach(function (n) { if (n >= 0 && n < 30) mask |= 1 << n; });
        return key.slice(0, 3) + mask.toString(36) + (answer.correct ? "!" : answer.ever ? "~" : "");
      }).join(",");
    }).join(";");
    var s = {};
    Object.keys(data.scenarios).forEach(function (id) {
      var saved = state["scenario:" + id];
      if (saved && saved.key === data.scenarios[id] && typeof saved.choice === "number") s[id] = saved.choice;
    });
    var record = { v: 1, q: q, s: s, n: {} };
    var text = JSON.stringify(record);
    Object.keys(state).sort().forEach(function (key) {
      var note = state[key];
      if (key.indexOf("note:") !== 0 || !note || typeof note.text !== "string") return;
      record.n[key.slice(5)] = note.text;
      var longer = JSON.stringify(record);
      if (longer.length <= LIMIT) text = longer; else delete record.n[key.slice(5)];
    });
    return text.length <= LIMIT ? text : null;
  }

  function decode(text) {
    var state = {};
    var record;
    try { record = JSON.parse(text); } catch (e) { return state; }
    if (!record || record.v !== 1 || typeof record.q !== "string") return state;
    var modules = record.q.split(";");
    data.modules.forEach(function (module, m) {
      var answers = (modules[m] || "").split(",");
      module.questions.forEach(function (key, n) {
        var token = answers[n] || "";
        var found = /^(.{3})([0-9a-z]+)([!~]?)$/.exec(token);
        if (!found || found[1] !== key.slice(0, 3)) return; // another question now: left out
        var mask = parseInt(found[2], 36), chosen = [];
        for (var bit = 0; bit < 30; bit++) if (mask & (1 << bit)) chosen.push(bit);
        state["quiz:" + module.id + ":" + key] =
          { chosen: chosen, correct: found[3] === "!", ever: found[3] !== "" };
      });
    });
    var scenarios = record.s && typeof record.s === "object" ? record.s : {};
    Object.keys(scenarios).forEach(function (id) {
      if (data.scenarios[id] && typeof scenarios[id] === "number") state["scenario:" + id] = { choice: scenarios[id], key: data.scenarios[id] };
    });
    var notes = record.n && typeof record.n === "object" ? record.n : {};
    Object.keys(notes).forEach(function (key) {
      if (typeof notes[key] === "string") state["note:" + key] = { text: notes[key] };
    });
    return state;
  }

  /* ---- Status and score: the same rule as the course's own progress ---------------------- */
  function report(state) {
    var total = 0, right = 0, done = true;
    data.modules.forEach(function (module) {
      module.questions.forEach(function (key) {
        var answer = state["quiz:" + module.id + ":" + key];
        total++;
        if (answer && answer.correct) right++;
        if (!answer || !(answer.ever || answer.correct)) done = false;
      });
    });
    var score = total ? Math.round(100 * right / total) : 100;
    var mastery = parseFloat(get("cmi.student_data.mastery_score"));
    if (isNaN(mastery)) mastery = data.mastery;
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", String(score));
    set("cmi.core.lesson_status", !done ? "incomplete" : score >= mastery ? "passed" : "completed");
    var suspend = encode(state);
    if (suspend !== null) set("cmi.suspend_data", suspend);
    commit();
  }

  var state = decode(get("cmi.suspend_data"));
  var base = location.href.replace(/[^/]*([?#].*)?$/, "");
  var PAGE = /^(?:[a-z0-9._-]+\/)*[a-z0-9._-]+\.html(?:#[A-Za-z0-9_:.-]*)?$/;

  window.sidebyside = window.sidebyside || {};
  window.sidebyside.lms = {
    connected: connected,
    learnerName: function () {
      // SCORM 1.2 gives "Last, First".
      var parts = get("cmi.core.student_name").split(",");
      return parts.length === 2 ? (parts[1].trim() + " " + parts[0].trim()).trim() : parts[0].trim();
    },
    state: function () { return JSON.parse(JSON.stringify(state)); },
    save: function (snapshot) { state = snapshot; report(state); },
    visited: function (href) {
      var path = href.indexOf(base) === 0 ? href.slice(base.length) : "";
      if (PAGE.test(path)) { set("cmi.core.lesson_location", path); commit(); }
    }
  };

  var started = Date.now(), finished = false;
  function timespan(ms) {
    var s = ms / 1000, h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + Math.min(h, 9999) + ":" + two(m) + ":" + two(Math.floor(s % 60)) + ".00";
  }
  function finish() {
    if (finished || !connected) return;
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    commit();
    call("LMSFinish", "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  if (connected && get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
  var start = /[?&]start=([^&#]+)/.exec(location.search);
  var resume = get("cmi.core.lesson_location");
  var first = start && PAGE.test(decodeURIComponent(start[1])) ? decodeURIComponent(start[1]) : PAGE.test(resume) ? resume : data.home;
  document.getElementById("sbs-lms-frame").src = first;
})();
