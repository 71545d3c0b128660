/* Side by Side: present mode. One slide at a time, moved by the keys a presentation clicker
 * sends; a timer for each activity; the presenter's notes in a second window that follows.
 * The page is the whole presentation: it works from a USB stick, and asks nothing of any
 * server. The notes window is this page again with "?notes" in its address. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var root = document.querySelector(".sbs-present");
  if (!root) return;
  var words = sbs.words("present");
  var slides = Array.prototype.slice.call(root.querySelectorAll(".sbs-slide"));
  var count = root.querySelector(".sbs-slide-count");
  var timer = root.querySelector(".sbs-timer");
  var clock = root.querySelector(".sbs-timer-time");
  var timerStatus = root.querySelector(".sbs-timer-status");
  var startButton = root.querySelector("[data-sbs-action='timer-start']");
  var leave = document.querySelector(".sbs-present-leave");
  var notesView = /(^|[?&])notes(=|&|$)/.test(location.search.slice(1));
  var other = null;  // the window that follows this one: the notes window, or its presenter
  var current = 0;
  var timers = {};  // by activity: seconds left, and when it was last started if running

  if (notesView) root.classList.add("sbs-notes-view");
  if (leave) {
    var holder = leave.parentNode;  // the paragraph the page put it in, empty once it moves
    root.querySelector(".sbs-present-bar").insertBefore(leave, root.querySelector(".sbs-present-keys"));
    if (!holder.textContent.trim()) holder.parentNode.removeChild(holder);
  }

  function seconds(activity) {
    var state = timers[activity];
    if (!state.startedAt) return state.left;
    return Math.max(0, state.left - (Date.now() - state.startedAt) / 1000);
  }

  function timerFor(slide) {
    var activity = slide.getAttribute("data-sbs-activity");
    if (activity === null) return null;
    if (!timers[activity]) {
      timers[activity] = { left: 60 * Number(slide.getAttribute("data-sbs-minutes")), startedAt: 0 };
    }
    return activity;
  }

  function showTime() {
    var activity = timerFor(slides[current]);
    timer.hidden = activity === null;
    if (activity === null) return;
    var left = Math.ceil(seconds(activity));
    var minutes = Math.floor(left / 60), rest = left % 60;
    clock.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
    var state = timers[activity];
    startButton.textContent = state.startedAt ? words.pause : words.start;
    if (state.startedAt && left === 0) {
      state.left = 0;
      state.startedAt = 0;
      startButton.textContent = words.start;
      timerStatus.textContent = words.up;
    }
  }

  function go(index, fromOther) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    slides[current].hidden = true;
    current = index;
    slides[current].hidden = false;
    var values = { number: current + 1, total: slides.length };
    count.textContent = sbs.fill(notesView ? words["notes-title"] : words.count, values);
    if (notesView) {
      var next = slides[current + 1];
      var upcoming = root.querySelector(".sbs-next-up");
      upcoming.textContent = next ? sbs.fill(words["next-up"], { title: next.querySelector("h2").textContent }) : "";
    }
    timerStatus.textContent = "";
    showTime();
    if (history.replaceState) history.replaceState(null, "", "#slide-" + (current + 1));
    if (!fromOther && other && !other.closed) other.postMessage({ sidebysideSlide: current }, "*");
  }

  function toggleTimer() {
    var activity = timerFor(slides[current]);
    if (activity === null) return;
    var state = timers[activity];
    if (state.startedAt) {
      state.left = seconds(activity);
      state.startedAt = 0;
    } else if (state.left > 0) {
      state.startedAt = Date.now();
    }
    showTime();
  }

  function resetTimer() {
    var activity = timerFor(slides[current]);
    if (activity === null) return;
    delete timers[activity];
    timerFor(slides[current]);
    timerStatus.textContent = "";
    showTime();
  }

  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
  }

  function openNotes() {
    var address = location.pathname + "?notes" + "#slide-" + (current + 1);
    other = window.open(address, "sidebyside-presenter-notes");
  }

  // Keys: what a clicker sends (Page Down/Up), arrows, Space; Home and End. A button or link
  // with focus keeps its own Space and Enter.
  var forward = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1 };
  var back = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1 };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var onControl = event.target.closest && event.target.closest("button, a, input, textarea, select");
    var key = event.key;
    if (onControl && (key === " " || key === "Enter")) return;
    if (forward[key] && !(key === " " && event.shiftKey)) go(current + 1);
    else if (back[key] || (key === " " && event.shiftKey)) go(current - 1);
    else if (key === "Home") go(0);
    else if (key === "End") go(slides.length - 1);
    else if (key === "f" || key === "F") fullScreen();
    else if (key === "Escape") {
      if (document.fullscreenElement) return;  // the browser leaves full screen itself
      if (notesView) window.close();
      else if (leave) location.href = leave.href;
      return;
    } else return;
    event.preventDefault();
  });

  // The other window says which slide it is on. Only the window this one opened, or the one
  // that opened it, is listened to, and only a slide's number is taken from it.
  window.addEventListener("message", function (event) {
    if (event.source !== other || !event.data || typeof event.data.sidebysideSlide !== "number") return;
    go(event.data.sidebysideSlide, true);
  });

  sbs.action("previous-slide", function () { go(current - 1); });
  sbs.action("next-slide", function () { go(current + 1); });
  sbs.action("timer-start", toggleTimer);
  sbs.action("timer-reset", resetTimer);
  sbs.action("full-screen", fullScreen);
  sbs.action("presenter-notes", openNotes);
  if (notesView) {
    other = window.opener;
    var upcoming = sbs.el("p", "sbs-next-up");
    root.querySelector(".sbs-present-bar").insertBefore(upcoming, count.nextSibling);
  }
  window.addEventListener("hashchange", function () {
    var asked = /^#slide-(\d+)$/.exec(location.hash);
    if (asked) go(Number(asked[1]) - 1);
  });
  setInterval(showTime, 250);
  var start = /^#slide-(\d+)$/.exec(location.hash);
  go(start ? Number(start[1]) - 1 : 0, true);
  if (notesView && other) other.postMessage({ sidebysideSlide: current }, "*");
})();
