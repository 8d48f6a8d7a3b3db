// Exercise boxes (lessonkit/constructs: answer.py, predict.py): the learner's answer against the recorded one.
// The rule is lessonkit/answers.py's, line for line; the tests run one table of cases against both.
// One listener on the whole document, so the boxes work after Material's instant navigation too.
(() => {
  "use strict";
  const DECIMAL = /^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
  const FRACTION = /^([+-]?\d+)\/(\d+)$/;
  const RIGHT = "Right.";
  const NOT_YET = "Not yet.";
  const MORE_DIGITS = "Not yet: give at least two significant digits.";
  const NOT_A_NUMBER = "Type a number, such as 0.25, -1.5, 1.2e-3 or 2/3.";

  // [value, half a unit in its last digit, significant digits] of "-1.78" or "2/3"; null if not a number.
  function readNumber(text) {
    text = String(text).trim().replace(/\u2212/g, "-").replace(/ /g, "");
    const fraction = FRACTION.exec(text);
    if (fraction) {
      if (Number(fraction[2]) === 0) return null;
      return [Number(fraction[1]) / Number(fraction[2]), 0, Infinity];
    }
    const decimal = DECIMAL.exec(text);
    if (!decimal) return null;
    const digits = decimal[2];
    const exponent = Number(decimal[3] || 0);
    const decimals = (digits.split(".")[1] || "").length;
    const significant = digits.replace(".", "").replace(/^0+/, "").length || 1;
    return [Number(text), 0.5 * 10 ** (exponent - decimals), significant];
  }

  // [right, message] for a learner's answer against the recorded answer as the page shows it.
  function checkAnswer(answer, shown) {
    const typed = readNumber(answer);
    if (typed === null) return [false, NOT_A_NUMBER];
    const [value, halfUnit, significant] = typed;
    const [target, shownHalfUnit, shownSignificant] = readNumber(shown);
    if (value === target) return [true, RIGHT]; // the answer as the page shows it, with or without trailing zeros
    if (significant < Math.min(2, shownSignificant)) return [false, MORE_DIGITS];
    // The slack covers the binary rounding of decimal numbers; Python computes the same.
    if (Math.abs(value - target) <= Math.max(halfUnit, shownHalfUnit) * (1 + 1e-9)) return [true, RIGHT];
    return [false, NOT_YET];
  }

  function show(form, right, message) {
    const result = form.querySelector(".lesson-result");
    result.dataset.state = right ? "right" : "not-yet";
    // The hint is the first fold after the box, if it is a tip (the boxes of one exercise share it).
    let hint = form.nextElementSibling;
    while (hint && !hint.matches("details, h1, h2, h3, h4")) hint = hint.nextElementSibling;
    const hasHint = hint && hint.matches("details.tip");
    if (!right && hasHint && message !== NOT_A_NUMBER) {
      hint.open = true; // after a wrong try, the hint appears; the solution stays folded
      message += " The hint below is open now.";
    }
    result.textContent = message;
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.matches("form.lesson-answer")) {
      event.preventDefault();
      show(form, ...checkAnswer(form.elements.answer.value, form.dataset.answer));
    } else if (form.matches("form.lesson-predict")) {
      event.preventDefault();
      const chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) return show(form, false, "Choose one of the outputs first.");
      const right = chosen.value === form.dataset.answer;
      show(form, right, right ? RIGHT : NOT_YET + " The code and its output are open below.");
      // Once the learner has chosen, right or wrong, the code that answers unfolds (lessonkit/constructs/predict.py).
      const reveal = form.nextElementSibling;
      if (reveal && reveal.matches("details.lesson-reveal")) reveal.open = true;
    }
  });

  window.lessonkitAnswers = { checkAnswer, readNumber }; // for the tests, which check it case by case
})();
