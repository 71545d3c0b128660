/* Side by Side: a record the learner owns. "Download my progress" saves everything this
 * browser holds for the course (answers, choices, notes, worksheet entries) as a small JSON
 * file; "Load my progress" puts such a file's entries back, on any device. Nothing is sent
 * anywhere. A file that is not such a record, or was changed, changes nothing. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;
  var FORMAT = "side-by-side-progress";
  var KEY = /^(quiz|note|scenario|entries|worksheet):[A-Za-z0-9:._-]{1,200}$/;
  var LARGEST = 1000000;

  /* FNV-1a: enough to tell a record that was edited by hand from one saved here. */
  function checksum(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8);
  }

  function entriesOf(text) {
    var record;
    try { record = JSON.parse(text); } catch (e) { return null; }
    if (!record || record.format !== FORMAT || record.version !== 1) return null;
    var entries = record.entries;
    if (!entries || typeof entries !== "object" || Array.isArray(entries)) return null;
    if (checksum(JSON.stringify(entries)) !== record.check) return null;
    var keys = Object.keys(entries);
    for (var i = 0; i < keys.length; i++) {
      var value = entries[keys[i]];
      if (!KEY.test(keys[i]) || !value || typeof value !== "object") return null;
    }
    return entries;
  }

  function setUp(root) {
    var words = sbs.words("record");
    var status = root.querySelector(".sbs-record-status");
    root.hidden = false;
    root.querySelector("[data-sbs-action='download-progress']").addEventListener("click", function () {
      var entries = store.snapshot();
      var text = JSON.stringify({
        format: FORMAT, version: 1, saved: new Date().toISOString(),
        entries: entries, check: checksum(JSON.stringify(entries))
      }, null, 1);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      link.download = "side-by-side-progress-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      status.textContent = sbs.fill(words.saved, { file: link.download });
    });
    var input = root.querySelector("[data-sbs-action='load-progress']");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      if (file.size > LARGEST) {
        status.textContent = words["too-large"];
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var entries = entriesOf(String(reader.result));
        if (!entries) {
          status.textContent = words["not-a-record"];
          return;
        }
        Object.keys(entries).forEach(function (key) { store.set(key, entries[key]); });
        window.location.reload();
      };
      reader.onerror = function () { status.textContent = words.unreadable; };
      reader.readAsText(file);
    });
  }

  sbs.ready(function () { document.querySelectorAll(".sbs-record").forEach(setUp); });
})();
