/* Side by Side: what the page scripts share, on `window.sidebyside`: making elements and
 * buttons, the page's action buttons, and starting once the page has been read. */
(function () {
  "use strict";
  var sbs = window.sidebyside = window.sidebyside || {};

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
