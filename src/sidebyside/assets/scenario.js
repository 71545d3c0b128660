/* Side by Side: scenarios. Choose a response first, then compare them all side by side.
 * The choice is kept in this browser's localStorage; nothing is sent anywhere. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;

  function load(id, key) {
    var saved = store.get("scenario:" + id);
    return saved && typeof saved.choice === "number" && (!key || saved.key === key) ? saved : null;
  }

  function save(id, value) { store.set("scenario:" + id, value); }

  function forget(id) { store.remove("scenario:" + id); }

  function setUp(form) {
    var id = form.getAttribute("data-sbs-scenario");
    var key = form.getAttribute("data-sbs-key");
    var analysis = document.querySelector(".sbs-analysis[data-sbs-scenario='" + id + "']");
    var result = document.querySelector(".sbs-choice-result");
    var button = form.querySelector("button[type=submit]");
    var words = sbs.words("scenario");

    function ask() {
      form.hidden = false;
      analysis.hidden = true;
      result.textContent = "";
      analysis.querySelectorAll(".sbs-chosen").forEach(function (node) { node.classList.remove("sbs-chosen"); });
    }

    function reveal(index, moveFocus) {
      var input = form.querySelector("input[value='" + index + "']");
      var section = analysis.querySelector("[data-sbs-response='" + index + "']");
      if (!input || !section) { forget(id); ask(); return; }
      input.checked = true;
      form.hidden = true;
      analysis.hidden = false;
      section.classList.add("sbs-chosen");
      var verdict = input.getAttribute("data-sbs-verdict");
      result.textContent = "";
      var heading = sbs.el("p", "sbs-choice-verdict sbs-verdict-text-" + verdict, sbs.fill(words.chose, {
        label: input.getAttribute("data-sbs-label"), verdict: (words.verdicts || {})[verdict] }));
      heading.tabIndex = -1;
      result.appendChild(heading);
      var why = section.querySelector(".sbs-why").cloneNode(true);
      why.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      result.appendChild(why);
      result.appendChild(sbs.el("p", "", words.below));
      result.appendChild(sbs.button("md-button", words.again, function () {
        forget(id);
        ask();
        form.querySelectorAll("input").forEach(function (i) { i.checked = false; });
        form.querySelector("input").focus();
      }));
      if (moveFocus) heading.focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        result.textContent = words.unanswered;
        return;
      }
      save(id, { key: key, choice: Number(chosen.value),
                 verdict: chosen.getAttribute("data-sbs-verdict"), label: chosen.getAttribute("data-sbs-label") });
      reveal(Number(chosen.value), true);
    });

    var saved = load(id, key);
    if (saved) reveal(saved.choice, false); else ask();
    button.hidden = false;
  }

  /* The scenarios' list: each one tried shows the verdict and label of the response chosen. */
  function showIndex() {
    var words = sbs.words("choices");
    var names = words.verdicts || {};
    document.querySelectorAll("[data-sbs-choice]").forEach(function (cell) {
      var saved = load(cell.getAttribute("data-sbs-choice"), null);
      if (saved && typeof saved.label === "string" && names.hasOwnProperty(saved.verdict)) {
        cell.textContent = sbs.fill(words.choice, { verdict: names[saved.verdict], label: saved.label });
      }
    });
  }

  sbs.ready(function () {
    document.querySelectorAll("form.sbs-choose").forEach(setUp);
    showIndex();
  });
})();
