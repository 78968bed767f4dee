/* Self-checks for the formative quizzes of the trainee handouts. Local, no network, no storage.
   Grades exactly as the course's Python grader: Python precomputes each question's check data
   (normalised accepted answers, the numeric margin, the allowed number forms and their messages)
   and each quiz's rules (verdict words, normalisation tables). This script builds the response
   the notebook would record, normalises typed text with the grader's steps (NFKC, case folding,
   whitespace, trailing punctuation), then only compares and counts. All wording comes from the
   page's data; the verdict is shown in text, with the option feedback and the explanation. */
(function () {
  "use strict";

  function chars(text) { return Array.from(text); }
  function isSpace(rules, ch) { return rules.space.indexOf(ch) >= 0; }

  /* Python's str.strip(): the grader's whitespace at both ends. */
  function strip(rules, text) {
    var list = chars(text);
    while (list.length && isSpace(rules, list[0])) { list.shift(); }
    while (list.length && isSpace(rules, list[list.length - 1])) { list.pop(); }
    return list.join("");
  }

  function rstrip(text, set) {
    var list = chars(text);
    while (list.length && set.indexOf(list[list.length - 1]) >= 0) { list.pop(); }
    return list.join("");
  }

  /* Python's str.casefold(): lower case, except where Python's folding differs (a table). */
  function fold(rules, text) {
    return chars(text).map(function (ch) {
      return Object.prototype.hasOwnProperty.call(rules.fold, ch) ? rules.fold[ch] : ch.toLowerCase();
    }).join("");
  }

  /* quiz.text.normalise_answer: NFKC, case folding, whitespace collapsed, trailing punctuation off. */
  function normaliseAnswer(rules, text) {
    var words = [], word = "";
    chars(fold(rules, text.normalize("NFKC"))).forEach(function (ch) {
      if (isSpace(rules, ch)) { if (word) { words.push(word); } word = ""; } else { word += ch; }
    });
    if (word) { words.push(word); }
    return rstrip(rstrip(words.join(" "), rules.trailing), rules.space);
  }

  /* Unicode decimal digits as ASCII digits (Python's \d and float() read every script's digits). */
  function asciiDigits(rules, text) {
    return chars(text).map(function (ch) {
      var code = ch.codePointAt(0);
      if (code < 128) { return ch; }
      for (var i = 0; i < rules.zeros.length; i++) {
        if (code >= rules.zeros[i] && code <= rules.zeros[i] + 9) { return String(code - rules.zeros[i]); }
      }
      return ch;
    }).join("");
  }

  /* quiz.numbers.parse_number, step by step; returns {value} or {problem}. */
  function parseNumber(rules, typed, data) {
    var problems = data.problems;
    var text = chars(typed.normalize("NFKC")).map(function (ch) {
      return rules.minus.indexOf(ch) >= 0 ? "-" : isSpace(rules, ch) ? "" : ch;
    }).join("");
    if (!text) { return { problem: problems.empty }; }
    var isPercentage = false;
    if (text.slice(-1) === "%") {
      text = text.slice(0, -1);
      if (!data.percent_unit) {
        if (!data.percent) { return { problem: problems.percent }; }
        isPercentage = true;
      }
    } else if (data.unit && fold(rules, text).endsWith(data.unit)) {
      text = chars(text).slice(0, -chars(data.unit).length).join("");
    }
    text = asciiDigits(rules, text);
    var fraction = /^([+-]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text.split(",").join("."));
    if (fraction && isPercentage) { return { problem: problems.both }; }
    if (fraction) {
      if (!data.fraction) { return { problem: problems.fraction }; }
      var denominator = Number(fraction[2]);
      if (denominator === 0) { return { problem: problems.zero }; }
      var value = Number(fraction[1]) / denominator * (data.percent_unit ? 100 : 1);
      return isFinite(value) ? { value: value } : { problem: problems.ordinary };
    }
    if (text.split(",").length === 2 && text.indexOf(".") < 0) { text = text.replace(",", "."); }
    var number = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (!isFinite(number)) {
      var shown = chars(strip(rules, typed)).slice(0, 40).join("");
      return { problem: problems.unreadable.split(rules.typed).join(shown) };
    }
    return { value: isPercentage ? number / 100 : number };
  }

  function gcd(a, b) { return b ? gcd(b, a % b) : a; }
  /* Credit as the grader's exact fraction: "1", "0", "2/3". */
  function credit(numerator, denominator) {
    var divisor = gcd(numerator, denominator) || 1;
    var top = numerator / divisor, bottom = denominator / divisor;
    return bottom === 1 ? String(top) : top + "/" + bottom;
  }

  function checked(question) {
    return Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) { return input.value; });
  }
  function values(question, selector) {
    return Array.prototype.map.call(question.querySelectorAll(selector), function (select) { return select.value; });
  }
  function typedText(question) { return question.querySelector("input[type=text]").value; }

  /* Like quiz.grading.grade: {state: "blank"} | {state: "problem", message} | {credit: "n/d"}. */
  function judge(question, data, rules) {
    var chosen = checked(question);
    switch (data.type) {
      case "single_choice":
        if (!chosen.length) { return { state: "blank" }; }
        return { credit: credit(chosen[0] === data.key ? 1 : 0, 1), chosen: chosen };
      case "true_false":
        if (!chosen.length) { return { state: "blank" }; }
        return { credit: credit((chosen[0] === "true") === data.key ? 1 : 0, 1), chosen: [] };
      case "multiple_answers": {
        if (!chosen.length) { return { state: "blank" }; }
        var hits = chosen.filter(function (id) { return data.key.indexOf(id) >= 0; }).length;
        var wrong = chosen.length - hits;
        return { credit: credit(Math.max(0, hits - wrong), data.key.length), chosen: chosen };
      }
      case "numeric": {
        var typed = typedText(question);
        if (!strip(rules, typed)) { return { state: "blank" }; }
        var parsed = parseNumber(rules, typed, data);
        if (parsed.problem) { return { state: "problem", message: parsed.problem }; }
        return { credit: credit(Math.abs(parsed.value - data.value) <= data.margin ? 1 : 0, 1), chosen: [] };
      }
      case "short_text": {
        var text = typedText(question);
        if (!strip(rules, text)) { return { state: "blank" }; }
        return { credit: credit(data.accepted.indexOf(normaliseAnswer(rules, text)) >= 0 ? 1 : 0, 1), chosen: [] };
      }
      case "matching": {
        var prompts = question.querySelectorAll("select[data-prompt]");
        var response = {};
        Array.prototype.forEach.call(prompts, function (select) { response[select.getAttribute("data-prompt")] = select.value; });
        var keyPrompts = Object.keys(data.key);
        if (Object.keys(response).every(function (id) { return !response[id]; })) { return { state: "blank" }; }
        var right = keyPrompts.filter(function (id) { return response[id] === data.key[id]; }).length;
        return { credit: credit(right, keyPrompts.length), chosen: [] };
      }
      case "ordering": {
        var order = values(question, "select[data-position]");
        if (order.every(function (id) { return !id; })) { return { state: "blank" }; }
        var position = new Map();
        order.forEach(function (id, index) { if (!position.has(id)) { position.set(id, index); } });
        var pairs = data.key.length - 1, inOrder = 0;
        for (var i = 0; i < pairs; i++) {
          var first = position.has(data.key[i]) ? position.get(data.key[i]) : Infinity;
          var then = position.has(data.key[i + 1]) ? position.get(data.key[i + 1]) : -1;
          if (first < then) { inOrder++; }
        }
        var exact = order.length === data.key.length && order.every(function (id, k) { return id === data.key[k]; });
        if (pairs === 0) { return { credit: exact ? "1" : "0", chosen: [] }; }
        if (inOrder === pairs && !exact) { inOrder = pairs - 1; }
        return { credit: credit(inOrder, pairs), chosen: [] };
      }
    }
    return { state: "problem", message: "" };
  }

  function rulesOf(question) {
    var section = question.closest(".quiz");
    if (!section.quizRules) {
      section.quizRules = JSON.parse(section.querySelector("script.quiz-rules").textContent);
    }
    return section.quizRules;
  }

  function check(button) {
    var question = button.closest(".quiz-question");
    var rules = rulesOf(question);
    var data = JSON.parse(question.querySelector("script.quiz-check-data").textContent);
    var result = judge(question, data, rules);
    var state = result.state || (result.credit === "1" ? "correct" : result.credit === "0" ? "wrong" : "partly");
    var verdict = question.querySelector(".quiz-verdict");
    verdict.querySelector(".quiz-verdict-word").textContent = state === "problem" ? result.message : rules.verdicts[state];
    verdict.querySelector(".quiz-verdict-hint").textContent = rules.hints[state];
    verdict.className = "quiz-verdict" + (state === "correct" || state === "wrong" || state === "partly" ? " is-" + state : "");
    if (result.credit !== undefined) { verdict.setAttribute("data-credit", result.credit); } else { verdict.removeAttribute("data-credit"); }
    var graded = result.credit !== undefined;
    Array.prototype.forEach.call(question.querySelectorAll(".quiz-option-feedback"), function (note) {
      note.hidden = !(graded && result.chosen.indexOf(note.getAttribute("data-option")) >= 0);
    });
    var explanation = question.querySelector(".quiz-explanation");
    if (explanation) { explanation.hidden = !graded; }
  }

  /* "Try another": show the next precomputed version (its stem and check data, made by Python),
     with a blank answer and no verdict. Nothing is graded here; Check then compares as always. */
  function another(button) {
    var question = button.closest(".quiz-question");
    var variants = JSON.parse(question.querySelector("script.quiz-variants").textContent);
    var next = ((question.quizVariant || 0) + 1) % variants.length;
    question.quizVariant = next;
    question.querySelector(".quiz-stem").innerHTML = variants[next].stem_html;
    question.querySelector("script.quiz-check-data").textContent = JSON.stringify(variants[next].check);
    Array.prototype.forEach.call(question.querySelectorAll("input[type=text]"), function (input) { input.value = ""; });
    var verdict = question.querySelector(".quiz-verdict");
    verdict.className = "quiz-verdict";
    verdict.removeAttribute("data-credit");
    verdict.querySelector(".quiz-verdict-word").textContent = "";
    verdict.querySelector(".quiz-verdict-hint").textContent = rulesOf(question).hints.another
      .replace("{number}", String(next + 1)).replace("{count}", String(variants.length));
    var explanation = question.querySelector(".quiz-explanation");
    if (explanation) { explanation.hidden = true; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".quiz-check") : null;
    if (button) { check(button); }
    var other = event.target.closest ? event.target.closest(".quiz-another") : null;
    if (other) { another(other); }
  });
})();
