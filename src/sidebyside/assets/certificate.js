/* Side by Side: the certificate. It unlocks once every module's self-check is done (as
 * progress.js counts it), then prints with the learner's name, which is kept in this browser's
 * localStorage (through store.js); nothing is sent anywhere. */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;
  var el = sbs.el;

  /* The module the link in the same list item leads to, for the list of what is left. */
  function moduleLink(node) {
    var item = node.closest("li");
    var link = item && item.querySelector("a[href]");
    return link ? link.cloneNode(true) : el("span", "", node.getAttribute("data-sbs-module"));
  }

  function certificate(root) {
    var words = sbs.words("certificate");
    var modules = Array.prototype.slice.call(root.querySelectorAll("[data-sbs-questions]"));
    var left = modules.filter(function (node) { return sbs.progress.stateOf(node).state !== "done"; });
    var gate = root.querySelector(".sbs-certificate-gate");
    var form = root.querySelector(".sbs-certificate-form");
    var sheet = document.querySelector(".sbs-certificate-sheet");
    gate.textContent = "";
    if (left.length) {
      gate.appendChild(el("p", "", words.locked));
      var list = el("ul", "sbs-certificate-left");
      left.forEach(function (node) {
        var item = el("li");
        item.appendChild(moduleLink(node));
        list.appendChild(item);
      });
      gate.appendChild(list);
      form.hidden = true;
      if (sheet) sheet.hidden = true;
      return;
    }
    gate.appendChild(el("p", "", words.open));
    form.hidden = false;
    var name = form.querySelector("input");
    var error = form.querySelector(".sbs-certificate-error");
    var printed = sheet.querySelector(".sbs-certificate-name");
    // The name is asked once: an LMS knows it already, and a name typed here is kept.
    var saved = store.get("certificate") || {};
    var known = (sbs.learnerName ? sbs.learnerName() : "") ||
      (typeof saved.name === "string" ? saved.name : "");
    if (known && !name.value) {
      name.value = known;
      printed.textContent = known;
      sheet.hidden = false;
    }
    sheet.querySelector(".sbs-certificate-date").textContent =
      new Date().toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
    function showError(message) {
      error.textContent = message;
      error.hidden = !message;
      if (message) {
        name.setAttribute("aria-invalid", "true");
        name.setAttribute("aria-describedby", error.id);
      } else {
        name.removeAttribute("aria-invalid");
        name.removeAttribute("aria-describedby");
      }
    }
    name.addEventListener("input", function () {
      printed.textContent = name.value;
      if (name.value.trim()) store.set("certificate", { name: name.value });
      else store.remove("certificate");
      sheet.hidden = !name.value.trim();
      if (name.value.trim()) showError("");
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (name.value.trim()) {
        showError("");
        sbs.print();
        return;
      }
      showError(words["no-name"]);
      name.focus();
    });
  }

  sbs.ready(function () { document.querySelectorAll(".sbs-certificate").forEach(certificate); });
})();
