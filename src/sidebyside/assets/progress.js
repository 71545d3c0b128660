/* Side by Side: course progress. Each module's state, from its self-check answers in this
 * browser's localStorage (through store.js), on the course home, the module's own head and the
 * certificate; and "Reset my progress". Nothing is sent anywhere. The quiz and the certificate
 * read states through `sidebyside.progress`. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;

  function answerKey(module, key) { return "quiz:" + module + ":" + key; }

  function savedAnswer(module, key) {
    var saved = store.get(answerKey(module, key));
    if (!saved || !Array.isArray(saved.chosen)) return null;
    return { chosen: saved.chosen.filter(function (n) { return typeof n === "number"; }),
             correct: saved.correct === true, ever: saved.ever === true };
  }

  /* A module's state from its question keys: "not-started", "in-progress" or "done".
   * A module is done once every question has been answered right, and stays done: a right
   * answer closes its question (no "Try again"), so only answers from another tab or an older
   * version of the course can later be wrong again. `right` counts the answers right now. */
  function moduleState(module, keys) {
    var answered = 0, right = 0, ever = 0;
    keys.forEach(function (key) {
      var saved = savedAnswer(module, key);
      if (!saved) return;
      answered++;
      if (saved.correct) right++;
      if (saved.ever || saved.correct) ever++;
    });
    // A module without a self-check has nothing to finish: it never holds the certificate back.
    var state = ever === keys.length ? "done" : answered ? "in-progress" : "not-started";
    return { state: state, right: right, total: keys.length };
  }

  /* The state of the module a node with data-sbs-module and data-sbs-questions stands for. */
  function stateOf(node) {
    var keys = (node.getAttribute("data-sbs-questions") || "").split(" ").filter(Boolean);
    return moduleState(node.getAttribute("data-sbs-module"), keys);
  }

  function setState(node, progress) {
    var words = sbs.words("progress");
    node.textContent = !progress.total ? words.none :
      progress.state === "in-progress" ? sbs.fill(words.partway, progress) : words[progress.state];
    node.setAttribute("data-sbs-state", progress.state);
  }

  /* Every state shown for `module`, or for every module when it is not given. */
  function showStates(module) {
    document.querySelectorAll("[data-sbs-questions]").forEach(function (node) {
      if (module && node.getAttribute("data-sbs-module") !== module) return;
      var target = node.querySelector(".sbs-state");
      if (!target) {
        target = sbs.el("p", "sbs-state");
        node.appendChild(target);
      }
      setState(target, stateOf(node));
    });
  }

  sbs.progress = { key: answerKey, saved: savedAnswer, of: moduleState, stateOf: stateOf,
                   show: showStates };

  sbs.ready(function () {
    showStates();
    sbs.action("reset-progress", function () {
      store.keys("quiz:").forEach(store.remove);
      showStates();
    }, sbs.words("progress").reset);
  });
})();
