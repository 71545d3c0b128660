/* Side by Side: on paper, nothing stays folded away. The stylesheet opens <details> where the
 * browser supports ::details-content; this opens them in older browsers, and closes them again. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
