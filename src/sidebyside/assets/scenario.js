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
      var heading = sbs.el("p", "sbs-choice-verdict sbs-verdict-text-" + verdict, "You chose “" +
        input.getAttribute("data-sbs-label") + "”. This response is " + verdict + ".");
      heading.tabIndex = -1;
      result.appendChild(heading);
      var why = section.querySelector(".sbs-why").cloneNode(true);
      why.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      result.appendChild(why);
      result.appendChild(sbs.el("p", "", "Below, every response side by side, with the contrast between them."));
      result.appendChild(sbs.button("md-button", "Choose again", function () {
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
        result.textContent = "Choose one of the responses first.";
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

  function showIndex() {
    document.querySelectorAll("[data-sbs-choice]").forEach(function (cell) {
      var saved = load(cell.getAttribute("data-sbs-choice"), null);
      if (saved && typeof saved.verdict === "string" && typeof saved.label === "string") {
        cell.textContent = saved.verdict.charAt(0).toUpperCase() + saved.verdict.slice(1) + ": " + saved.label;
      }
    });
  }

  sbs.ready(function () {
    document.querySelectorAll("form.sbs-choose").forEach(setUp);
    showIndex();
  });
})();
