/* Side by Side: the one place that reads and writes this browser's localStorage, shared by
 * the quiz, scenario and worksheet scripts. Keys start with "sidebyside:v1:"; nothing is
 * sent anywhere. Unreadable, foreign, full or blocked storage counts as nothing saved. */
(function () {
  "use strict";
  var PREFIX = "sidebyside:v1:";
  var listeners = [];
  function changed() { listeners.forEach(function (listener) { listener(); }); }

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
      changed();
    },
    remove: function (key) {
      try { window.localStorage.removeItem(PREFIX + key); } catch (e) { /* blocked */ }
      changed();
    },
    /* Called after every change: how an LMS hears of progress (see lms.js). */
    onChange: function (listener) { listeners.push(listener); },
    /* Every saved entry, by key. */
    snapshot: function () {
      var all = {}, self = this;
      this.keys("").forEach(function (key) { var value = self.get(key); if (value) all[key] = value; });
      return all;
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
