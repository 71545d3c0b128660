/* Side by Side: self-check quizzes. Each answer is kept in this browser's localStorage
 * (through store.js); nothing is sent anywhere. Events for a wrapper (an LMS, say) to listen
 * to on `document`:
 *   sidebyside:checked      detail {module, question, key, correct, partial, chosen}
 *   sidebyside:module-done  detail {module}
 */
(function () {
  "use strict";
  var sbs = window.sidebyside;
  var store = sbs.store;
  var progress = sbs.progress;
  var el = sbs.el;

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent("sidebyside:" + name, { detail: detail }));
  }

  /* ---- One question ------------------------------------------------------------------- */

  function Question(fieldset, quiz) {
    var words = sbs.words("quiz");
    this.fieldset = fieldset;
    this.quiz = quiz;
    this.key = fieldset.getAttribute("data-sbs-key");
    this.inputs = Array.prototype.slice.call(fieldset.querySelectorAll(".sbs-options input"));
    this.answers = Array.prototype.slice.call(fieldset.querySelectorAll(".sbs-answer-options li"));
    this.explanation = fieldset.querySelector(".sbs-explanation");
    var self = this;
    var actions = el("div", "sbs-actions");
    this.check = sbs.button("md-button md-button--primary", words.check, function () { self.onCheck(); });
    this.retry = sbs.button("md-button", words.retry, function () { self.onRetry(); });
    this.retry.hidden = true;
    actions.appendChild(this.check);
    actions.appendChild(this.retry);
    this.result = el("div", "sbs-result");
    this.result.setAttribute("role", "status");
    this.result.setAttribute("aria-live", "polite");
    fieldset.appendChild(actions);
    fieldset.appendChild(this.result);
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
      this.result.textContent = sbs.words("quiz").unanswered;
      return;
    }
    var outcome = this.show(chosen);
    var before = progress.saved(this.quiz.module, this.key);
    store.set(progress.key(this.quiz.module, this.key), {
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

  /* The verdict in words: right, partly right (and how), or not right. */
  function verdictText(words, hits, total, chosen) {
    if (hits === total && chosen === total) return words.right;
    if (!hits) return words.wrong;
    var counts = { hits: hits, total: total, wrong: chosen - hits };
    return sbs.fill(words.partly, counts) +
      (chosen > hits ? sbs.fill(words["partly-wrong"], counts) : words["partly-short"]);
  }

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
    verdict.textContent = verdictText(sbs.words("quiz"), hits, right.length, chosen.length);
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
    var yours = sbs.words("quiz").yours;
    this.inputs.forEach(function (input) {
      var label = input.parentNode;
      var marker = label.querySelector(".sbs-your-answer");
      var isChosen = chosen.indexOf(Number(input.value)) >= 0;
      label.classList.toggle("sbs-chosen-option", isChosen);
      if (isChosen && !marker) {
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", "sbs-your-answer", yours));
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
    root.appendChild(sbs.button("md-button", sbs.words("quiz").reset, function () { self.reset(); }));
    this.questions.forEach(function (question) {
      var saved = progress.saved(self.module, question.key);
      if (saved && saved.chosen.length) question.show(saved.chosen);
    });
    this.wasDone = this.progress().state === "done";
    this.update(false);
  }

  Quiz.prototype.progress = function () {
    return progress.of(this.module, this.questions.map(function (q) { return q.key; }));
  };

  /* The score counts the answers right now; the state is the module's, as the course home and
   * the certificate show it. They differ only when a module is done and an answer from another
   * tab is wrong again, and then the line says why the module still counts as done. */
  function scoreText(now) {
    var words = sbs.words("quiz");
    var states = sbs.words("progress");
    var state = now.state !== "done" || now.right === now.total ? states[now.state] :
      words["done-before"];
    return sbs.fill(words.score, { right: now.right, total: now.total, state: state });
  }

  Quiz.prototype.update = function (announce) {
    var now = this.progress();
    this.score.textContent = scoreText(now);
    progress.show(this.module);
    if (announce && now.state === "done" && !this.wasDone) emit("module-done", { module: this.module });
    this.wasDone = now.state === "done";
  };

  Quiz.prototype.reset = function () {
    var self = this;
    this.questions.forEach(function (q) { store.remove(progress.key(self.module, q.key)); q.onRetry(); });
    this.wasDone = false;
    this.update(false);
  };

  sbs.ready(function () {
    document.querySelectorAll(".sbs-quiz").forEach(function (root) { new Quiz(root); });
  });
})();
