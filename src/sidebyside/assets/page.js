/* Side by Side: what the page scripts share. The words they show are the page's own: each
 * template that needs some writes them in a JSON data block (templates/sidebyside/strings.html),
 * so that a translated page brings its words with it and no script keeps a copy. */
(function () {
  "use strict";
  var sbs = window.sidebyside = window.sidebyside || {};

  /* One part of the interface's words, by name ("quiz", "progress"...): {} if the page has none. */
  sbs.words = function (part) {
    var block = document.querySelector("script.sbs-strings[data-sbs-part='" + part + "']");
    try { return JSON.parse(block.textContent) || {}; } catch (e) { return {}; }
  };

  /* `text` with each {name} in it replaced by values[name]. */
  sbs.fill = function (text, values) {
    return String(text || "").replace(/\{([a-z]+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  };

  sbs.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  /* A button that runs `run` when pressed. */
  sbs.button = function (className, text, run) {
    var button = sbs.el("button", className, text);
    button.type = "button";
    button.addEventListener("click", run);
    return button;
  };

  /* Shows each button marked data-sbs-action=`name`, which then runs `run`: once the learner
   * has said yes to `question`, when there is one. */
  sbs.action = function (name, run, question) {
    document.querySelectorAll("[data-sbs-action='" + name + "']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { if (!question || window.confirm(question)) run(); });
    });
  };

  /* Runs `start` once the page has been read. */
  sbs.ready = function (start) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  };
})();
