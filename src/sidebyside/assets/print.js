/* Side by Side: printing, in one place. Every button marked data-sbs-action="print" (worksheets,
 * role-play cards, discussion sheets, My notes) shows and prints the page; the certificate prints
 * through `sidebyside.print` once it has a name. On paper, nothing stays folded away: the
 * stylesheet opens <details> where the browser supports ::details-content; this opens them in
 * older browsers, and closes them again. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var opened = [];

  sbs.print = function () { window.print(); };

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

  sbs.ready(function () { sbs.action("print", sbs.print); });
})();
