/* Self-checks for the formative quizzes of the trainee handouts. Local, no network, no storage:
   reads each question's check data, compares the answer given, says the verdict in text and
   reveals option feedback and the explanation. */
(function () {
  "use strict";

  function normaliseText(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function parseNumber(typed, unit, allow) {
    var text = typed.normalize("NFKC").replace(/[\u2212\u2013\u2012]/g, "-").replace(/\s+/g, "");
    var scale = 1;
    if (!text) { return { problem: "No number was typed." }; }
    if (text.slice(-1) === "%") {
      text = text.slice(0, -1);
      if (unit !== "%") {
        if (allow.indexOf("percent") < 0) { return { problem: "Please give a plain number, not a percentage." }; }
        scale = 0.01;
      }
    } else if (unit && unit !== "%" && text.toLowerCase().endsWith(unit.replace(/\s+/g, "").toLowerCase())) {
      text = text.slice(0, text.length - unit.replace(/\s+/g, "").length);
    }
    var fraction = /^([+-]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text.replace(",", "."));
    if (fraction) {
      if (allow.indexOf("fraction") < 0) { return { problem: "Please type a decimal number (for example 0.5, not 1/2)." }; }
      if (Number(fraction[2]) === 0) { return { problem: "A fraction cannot have 0 below the line." }; }
      return { value: Number(fraction[1]) / Number(fraction[2]) * (unit === "%" ? 100 : 1) };
    }
    if ((text.match(/,/g) || []).length === 1 && text.indexOf(".") < 0) { text = text.replace(",", "."); }
    if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) {
      return { problem: "That is not a number we can read; type digits, for example 0.5." };
    }
    return { value: Number(text) * scale };
  }

  function sameList(left, right) {
    return left.length === right.length && left.every(function (item, i) { return item === right[i]; });
  }

  function checked(question) {
    return Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) { return input.value; });
  }

  /* Returns {state: "correct" | "wrong" | "unanswered" | "problem", message?, chosen: [option ids]} */
  function judge(question, data) {
    var chosen = checked(question);
    var key = data.key;
    switch (data.type) {
      case "single_choice":
        if (!chosen.length) { return { state: "unanswered", chosen: chosen }; }
        return { state: chosen[0] === key ? "correct" : "wrong", chosen: chosen };
      case "multiple_answers":
        if (!chosen.length) { return { state: "unanswered", chosen: chosen }; }
        return { state: sameList(chosen.slice().sort(), key.slice().sort()) ? "correct" : "wrong", chosen: chosen };
      case "true_false":
        if (!chosen.length) { return { state: "unanswered", chosen: chosen }; }
        return { state: (chosen[0] === "true") === key ? "correct" : "wrong", chosen: [] };
      case "numeric": {
        var typed = question.querySelector("input[type=text]").value;
        if (!typed.trim()) { return { state: "unanswered", chosen: [] }; }
        var parsed = parseNumber(typed, data.unit || "", data.allow || []);
        if (parsed.problem) { return { state: "problem", message: parsed.problem, chosen: [] }; }
        var tolerance = key.tolerance !== null && key.tolerance !== undefined
          ? key.tolerance : Math.abs(key.value) * key.relative_tolerance;
        return { state: Math.abs(parsed.value - key.value) <= tolerance + 1e-12 ? "correct" : "wrong", chosen: [] };
      }
      case "short_text": {
        var answer = normaliseText(question.querySelector("input[type=text]").value);
        if (!answer) { return { state: "unanswered", chosen: [] }; }
        var accepted = key.map(normaliseText);
        return { state: accepted.indexOf(answer) >= 0 ? "correct" : "wrong", chosen: [] };
      }
      case "matching": {
        var selects = question.querySelectorAll("select[data-prompt]");
        var all = true, right = true;
        Array.prototype.forEach.call(selects, function (select) {
          if (!select.value) { all = false; }
          if (select.value !== key[select.getAttribute("data-prompt")]) { right = false; }
        });
        if (!all) { return { state: "unanswered", message: "Choose a match for every line first.", chosen: [] }; }
        return { state: right ? "correct" : "wrong", chosen: [] };
      }
      case "ordering": {
        var order = Array.prototype.map.call(question.querySelectorAll("select[data-position]"), function (s) { return s.value; });
        if (order.indexOf("") >= 0) { return { state: "unanswered", message: "Choose an item for every position first.", chosen: [] }; }
        return { state: sameList(order, key) ? "correct" : "wrong", chosen: [] };
      }
    }
    return { state: "problem", message: "This question type cannot be checked here.", chosen: [] };
  }

  var VERDICTS = {
    correct: "Correct. Well done.",
    wrong: "Not correct yet. Read the explanation below, then try again.",
    unanswered: "Give an answer first, then press Check.",
    problem: ""
  };

  function check(button) {
    var question = button.closest(".quiz-question");
    var data = JSON.parse(question.querySelector("script.quiz-check-data").textContent);
    var result = judge(question, data);
    var verdict = question.querySelector(".quiz-verdict");
    verdict.textContent = result.message && result.state !== "correct" && result.state !== "wrong"
      ? result.message : VERDICTS[result.state];
    verdict.className = "quiz-verdict" + (result.state === "correct" ? " is-correct" : result.state === "wrong" ? " is-wrong" : "");
    var answered = result.state === "correct" || result.state === "wrong";
    Array.prototype.forEach.call(question.querySelectorAll(".quiz-option-feedback"), function (note) {
      note.hidden = !(answered && result.chosen.indexOf(note.getAttribute("data-option")) >= 0);
    });
    var explanation = question.querySelector(".quiz-explanation");
    if (explanation) { explanation.hidden = !answered; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".quiz-check") : null;
    if (button) { check(button); }
  });
})();
