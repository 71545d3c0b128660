/* Side by Side: self-check quizzes, course progress, reflection notes and the certificate.
 * Everything stays in this browser's localStorage (through store.js); nothing is sent anywhere.
 * Events for a wrapper (an LMS, say) to listen to on `document`:
 *   sidebyside:checked      detail {module, question, key, correct, partial, chosen}
 *   sidebyside:module-done  detail {module}
 */
(function () {
  "use strict";
  var store = window.sidebyside.store;

  function answerKey(module, key) { return "quiz:" + module + ":" + key; }

  function savedAnswer(module, key) {
    var saved = store.get(answerKey(module, key));
    if (!saved || !Array.isArray(saved.chosen)) return null;
    return { chosen: saved.chosen.filter(function (n) { return typeof n === "number"; }),
             correct: saved.correct === true, ever: saved.ever === true };
  }

  /* A module's state from its question keys: "not-started", "in-progress" or "done".
   * A module is done once every question has been answered right, and stays done: a right
   * answer closes its question (no "Try again"), so only answers from another tab or an older
   * version of the course can later be wrong again. `right` counts the answers right now. */
  function moduleState(module, keys) {
    var answered = 0, right = 0, ever = 0;
    keys.forEach(function (key) {
      var saved = savedAnswer(module, key);
      if (!saved) return;
      answered++;
      if (saved.correct) right++;
      if (saved.ever || saved.correct) ever++;
    });
    // A module without a self-check has nothing to finish: it never holds the certificate back.
    var state = ever === keys.length ? "done" : answered ? "in-progress" : "not-started";
    return { state: state, right: right, total: keys.length };
  }

  var STATE_TEXT = { "not-started": "Not started", "in-progress": "In progress", "done": "Done" };

  function stateLabel(progress) {
    if (!progress.total) return "No self-check";
    if (progress.state === "in-progress") {
      return "In progress: " + progress.right + " of " + progress.total + " answered correctly";
    }
    return STATE_TEXT[progress.state];
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent("sidebyside:" + name, { detail: detail }));
  }

  /* ---- One question ------------------------------------------------------------------- */

  function Question(fieldset, quiz) {
    this.fieldset = fieldset;
    this.quiz = quiz;
    this.key = fieldset.getAttribute("data-sbs-key");
    this.type = fieldset.getAttribute("data-sbs-type");
    this.inputs = Array.prototype.slice.call(fieldset.querySelectorAll(".sbs-options input"));
    this.answers = Array.prototype.slice.call(fieldset.querySelectorAll(".sbs-answer-options li"));
    this.explanation = fieldset.querySelector(".sbs-explanation");
    var actions = el("div", "sbs-actions");
    this.check = el("button", "md-button md-button--primary", "Check");
    this.check.type = "button";
    this.retry = el("button", "md-button", "Try again");
    this.retry.type = "button";
    this.retry.hidden = true;
    actions.appendChild(this.check);
    actions.appendChild(this.retry);
    this.result = el("div", "sbs-result");
    this.result.setAttribute("role", "status");
    this.result.setAttribute("aria-live", "polite");
    fieldset.appendChild(actions);
    fieldset.appendChild(this.result);
    var self = this;
    this.check.addEventListener("click", function () { self.onCheck(); });
    this.retry.addEventListener("click", function () { self.onRetry(); });
  }

  Question.prototype.chosen = function () {
    return this.inputs.filter(function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); });
  };

  Question.prototype.correctOptions = function () {
    return this.answers.filter(function (li) { return li.getAttribute("data-sbs-correct") === "true"; })
      .map(function (li) { return Number(li.getAttribute("data-sbs-option")); });
  };

  Question.prototype.onCheck = function () {
    var chosen = this.chosen();
    if (!chosen.length) {
      this.result.textContent = "Choose an answer first.";
      return;
    }
    var outcome = this.show(chosen);
    var before = savedAnswer(this.quiz.module, this.key);
    store.set(answerKey(this.quiz.module, this.key), {
      chosen: chosen, correct: outcome.correct, ever: outcome.correct || Boolean(before && before.ever)
    });
    emit("checked", { module: this.quiz.module, question: this.fieldset.id, key: this.key,
                      correct: outcome.correct, partial: outcome.partial, chosen: chosen });
    this.quiz.update(true);
  };

  Question.prototype.onRetry = function () {
    this.inputs.forEach(function (input) { input.checked = false; input.disabled = false; });
    this.markChosen([]);
    this.fieldset.classList.remove("sbs-checked");
    this.result.textContent = "";
    this.retry.hidden = true;
    this.check.hidden = false;
    this.inputs[0].focus();
  };

  /* Shows the verdict, the chosen options' own feedback and the explanation. */
  Question.prototype.show = function (chosen) {
    var right = this.correctOptions();
    var hits = chosen.filter(function (n) { return right.indexOf(n) >= 0; }).length;
    var correct = hits === right.length && chosen.length === right.length;
    var partial = !correct && hits > 0;
    this.inputs.forEach(function (input) { input.checked = chosen.indexOf(Number(input.value)) >= 0; input.disabled = true; });
    this.markChosen(chosen);
    this.result.textContent = "";
    var verdict = el("p", "sbs-verdict-line " + (correct ? "sbs-is-right" : partial ? "sbs-is-partial" : "sbs-is-wrong"));
    verdict.textContent = correct ? "✓ Right." :
      partial ? "◐ Partly right: you chose " + hits + " of the " + right.length + " right answers" +
        (chosen.length > hits ? ", and " + (chosen.length - hits) + " that is not right." : ", but not all of them.") :
      "✗ Not right.";
    this.result.appendChild(verdict);
    var list = el("ul", "sbs-feedback-list");
    this.answers.forEach(function (li) {
      var n = Number(li.getAttribute("data-sbs-option"));
      if (chosen.indexOf(n) < 0) return;
      var item = el("li", right.indexOf(n) >= 0 ? "sbs-right" : "sbs-wrong");
      item.innerHTML = li.innerHTML; // built from the page's own escaped markup
      list.appendChild(item);
    });
    this.result.appendChild(list);
    var explanation = el("div", "sbs-explanation");
    explanation.innerHTML = this.explanation.innerHTML;
    this.result.appendChild(explanation);
    this.fieldset.classList.add("sbs-checked");
    this.check.hidden = true;
    this.retry.hidden = correct; // a right answer is final; "Reset my answers" starts over
    return { correct: correct, partial: partial };
  };

  /* A checked question's inputs are disabled, which Chromium draws faintly: the chosen options
   * also say so in words. */
  Question.prototype.markChosen = function (chosen) {
    this.inputs.forEach(function (input) {
      var label = input.parentNode;
      var marker = label.querySelector(".sbs-your-answer");
      var isChosen = chosen.indexOf(Number(input.value)) >= 0;
      label.classList.toggle("sbs-chosen-option", isChosen);
      if (isChosen && !marker) {
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", "sbs-your-answer", "Your answer"));
      } else if (!isChosen && marker) {
        label.removeChild(marker.previousSibling);
        label.removeChild(marker);
      }
    });
  };

  /* ---- A module's quiz ------------------------------------------------------------------- */

  function Quiz(root) {
    this.root = root;
    this.module = root.getAttribute("data-sbs-module");
    root.classList.add("sbs-js");
    var self = this;
    this.questions = Array.prototype.slice.call(root.querySelectorAll(".sbs-question"))
      .map(function (fieldset) { return new Question(fieldset, self); });
    this.score = el("p", "sbs-score");
    this.score.setAttribute("aria-live", "polite");
    root.insertBefore(this.score, root.firstChild);
    var reset = el("button", "md-button", "Reset my answers in this module");
    reset.type = "button";
    reset.addEventListener("click", function () { self.reset(); });
    root.appendChild(reset);
    this.questions.forEach(function (question) {
      var saved = savedAnswer(self.module, question.key);
      if (saved && saved.chosen.length) question.show(saved.chosen);
    });
    this.wasDone = this.progress().state === "done";
    this.update(false);
  }

  Quiz.prototype.progress = function () {
    return moduleState(this.module, this.questions.map(function (q) { return q.key; }));
  };

  /* The score counts the answers right now; the state is the module's, as the course home and
   * the certificate show it. They differ only when a module is done and an answer from another
   * tab is wrong again, and then the line says why the module still counts as done. */
  function scoreText(progress) {
    var state = progress.state !== "done" ? STATE_TEXT[progress.state] :
      progress.right === progress.total ? "Done" :
      "Done: every question has been answered correctly at least once";
    return "Score: " + progress.right + " of " + progress.total + " correct. " + state + ".";
  }

  Quiz.prototype.update = function (announce) {
    var progress = this.progress();
    this.score.textContent = scoreText(progress);
    document.querySelectorAll(".sbs-module-head[data-sbs-module='" + this.module + "'] .sbs-state")
      .forEach(function (node) { setState(node, progress); });
    if (announce && progress.state === "done" && !this.wasDone) emit("module-done", { module: this.module });
    this.wasDone = progress.state === "done";
  };

  Quiz.prototype.reset = function () {
    var self = this;
    this.questions.forEach(function (q) { store.remove(answerKey(self.module, q.key)); q.onRetry(); });
    this.wasDone = false;
    this.update(false);
  };

  function setState(node, progress) {
    node.textContent = stateLabel(progress);
    node.setAttribute("data-sbs-state", progress.state);
  }

  /* ---- Course home, module heads, certificate -------------------------------------------- */

  function keysOf(node) {
    return (node.getAttribute("data-sbs-questions") || "").split(" ").filter(Boolean);
  }

  function showStates() {
    document.querySelectorAll("[data-sbs-questions]").forEach(function (node) {
      var target = node.querySelector(".sbs-state");
      if (!target) {
        target = el("p", "sbs-state");
        node.appendChild(target);
      }
      setState(target, moduleState(node.getAttribute("data-sbs-module"), keysOf(node)));
    });
  }

  function resetAll() {
    store.keys("quiz:").forEach(store.remove);
    showStates();
  }

  /* The module the link in the same list item leads to, for the list of what is left. */
  function moduleLink(node) {
    var item = node.closest("li");
    var link = item && item.querySelector("a[href]");
    return link ? link.cloneNode(true) : el("span", "", node.getAttribute("data-sbs-module"));
  }

  function certificate(root) {
    var modules = Array.prototype.slice.call(root.querySelectorAll("[data-sbs-questions]"));
    var left = modules.filter(function (node) {
      return moduleState(node.getAttribute("data-sbs-module"), keysOf(node)).state !== "done";
    });
    var gate = root.querySelector(".sbs-certificate-gate");
    var form = root.querySelector(".sbs-certificate-form");
    var sheet = document.querySelector(".sbs-certificate-sheet");
    gate.textContent = "";
    if (left.length) {
      gate.appendChild(el("p", "", "Finish every module's self-check to unlock the certificate. " +
        "Still to finish:"));
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
    gate.appendChild(el("p", "", "Every module is done. Type your name and print your certificate."));
    form.hidden = false;
    var name = form.querySelector("input");
    var error = form.querySelector(".sbs-certificate-error");
    var printed = sheet.querySelector(".sbs-certificate-name");
    // The name is asked once: an LMS knows it already, and a name typed here is kept.
    var saved = store.get("certificate") || {};
    var known = (window.sidebyside.learnerName ? window.sidebyside.learnerName() : "") ||
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
        window.print();
        return;
      }
      showError("Type your name first: it is printed on the certificate.");
      name.focus();
    });
  }

  /* ---- Reflections and My notes ---------------------------------------------------------- */

  function notes() {
    document.querySelectorAll("textarea[data-sbs-note]").forEach(function (area) {
      var key = "note:" + area.getAttribute("data-sbs-note");
      var saved = store.get(key);
      if (saved && typeof saved.text === "string") area.value = saved.text;
      area.addEventListener("input", function () {
        if (area.value) store.set(key, { text: area.value }); else store.remove(key);
      });
    });
    document.querySelectorAll("[data-sbs-action='clear-notes']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        if (!window.confirm("Delete every note you have written in this course, in this browser?")) return;
        store.keys("note:").forEach(store.remove);
        document.querySelectorAll("textarea[data-sbs-note]").forEach(function (area) { area.value = ""; });
      });
    });
  }

  function start() {
    document.querySelectorAll(".sbs-quiz").forEach(function (root) { new Quiz(root); });
    showStates();
    document.querySelectorAll("[data-sbs-action='reset-progress']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        if (window.confirm("Reset your self-check answers for every module in this browser?")) resetAll();
      });
    });
    document.querySelectorAll(".sbs-certificate").forEach(certificate);
    document.querySelectorAll("[data-sbs-action='print']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    notes();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
