/* Side by Side: the one place that reads and writes this browser's localStorage, shared by
 * the quiz, scenario and worksheet scripts. Keys start with "sidebyside:v1:"; nothing is
 * sent anywhere. Unreadable, foreign, full or blocked storage counts as nothing saved. */
(function () {
  "use strict";
  var PREFIX = "sidebyside:v1:";

  window.sidebyside = window.sidebyside || {};
  window.sidebyside.store = {
    /* The saved object or array, or null. */
    get: function (key) {
      try {
        var value = JSON.parse(window.localStorage.getItem(PREFIX + key));
        return value && typeof value === "object" ? value : null;
      } catch (e) {
        return null;
      }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(PREFIX + key, JSON.stringify(value)); } catch (e) { /* full or blocked */ }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(PREFIX + key); } catch (e) { /* blocked */ }
    },
    /* Every saved key that starts with `start`, without the prefix. */
    keys: function (start) {
      var found = [];
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key && key.indexOf(PREFIX + start) === 0) found.push(key.slice(PREFIX.length));
        }
      } catch (e) { /* blocked */ }
      return found;
    }
  };
})();
