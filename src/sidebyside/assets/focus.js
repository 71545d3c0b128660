/* Side by Side: keyboard focus stays where it can be seen around Material's search: leaving
 * the search with Tab closes it, so focus never goes on behind its overlay. */
(function () {
  "use strict";
  var search = document.querySelector(".md-search");
  var toggle = document.querySelector("[data-md-toggle='search']");
  if (!search || !toggle) return;
  search.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !search.contains(next)) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
})();
