/* Side by Side: reflections and My notes. What is typed into a reflection box is kept in this
 * browser's localStorage (through store.js), the same note on the module and on My notes;
 * nothing is sent anywhere. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;

  sbs.ready(function () {
    document.querySelectorAll("textarea[data-sbs-note]").forEach(function (area) {
      var key = "note:" + area.getAttribute("data-sbs-note");
      var saved = store.get(key);
      if (saved && typeof saved.text === "string") area.value = saved.text;
      area.addEventListener("input", function () {
        if (area.value) store.set(key, { text: area.value }); else store.remove(key);
      });
    });
    sbs.action("clear-notes", function () {
      store.keys("note:").forEach(store.remove);
      document.querySelectorAll("textarea[data-sbs-note]").forEach(function (area) { area.value = ""; });
    }, sbs.words("notes").clear);
  });
})();
