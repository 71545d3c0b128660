/* Side by Side: worksheets filled on screen. What is typed stays in this browser's
 * localStorage, one record per worksheet, until Clear; nothing is sent anywhere. Inputs are
 * named by their content, so a record's entries stay on their rows when rows are added. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;

  function record(key) {
    var saved = store.get(key);
    return saved && !Array.isArray(saved) ? saved : {};
  }

  function save(id, values) {
    if (Object.keys(values).length) store.set("entries:" + id, values);
    else store.remove("entries:" + id);
  }

  /* Entries the first version saved by position, renamed by the page's map (which it only
   * carries for a worksheet that has not changed since), then the old record dropped. */
  function carryOver(form, id) {
    var old = record("worksheet:" + id);
    if (!Object.keys(old).length) return;
    var names = {};
    try { names = JSON.parse(form.getAttribute("data-sbs-carry-over") || "{}"); } catch (e) { /* none */ }
    var values = record("entries:" + id);
    Object.keys(old).forEach(function (oldName) {
      var target = names[oldName], value = old[oldName];
      if (!Array.isArray(target) || typeof target[0] !== "string" || target[0] in values) return;
      if (Array.isArray(target[1])) value = target[1][Number(value)];
      if (typeof value === "string" || value === true) values[target[0]] = value;
    });
    if (Object.keys(names).length) {
      save(id, values);
      store.remove("worksheet:" + id);
    }
  }

  function read(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;  // a decided row is not the learner's entry
      if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
      else if (field.type === "checkbox") { if (field.checked) values[field.name] = true; }
      else if (field.value) values[field.name] = field.value;
    });
    return values;
  }

  function fill(form, values) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      var value = values[field.name];
      if (field.type === "radio") field.checked = typeof value === "string" && field.value === value;
      else if (field.type === "checkbox") field.checked = value === true;
      else if ("value" in field && field.type !== "button") field.value = typeof value === "string" ? value : "";
    });
  }

  function setUp(form) {
    var id = form.getAttribute("data-sbs-worksheet");
    carryOver(form, id);
    fill(form, record("entries:" + id));
    var status = document.querySelector(".sbs-worksheet-status");
    var words = sbs.words("worksheet");
    form.addEventListener("input", function () { save(id, read(form)); });
    form.addEventListener("change", function () { save(id, read(form)); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    sbs.action("clear-worksheet", function () {
      save(id, {});
      fill(form, {});
      if (status) status.textContent = words.cleared;
    }, words.clear);
  }

  sbs.ready(function () { document.querySelectorAll("form.sbs-worksheet").forEach(setUp); });
})();
