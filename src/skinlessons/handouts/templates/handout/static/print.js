/* Print the optional "Deeper" parts of a lesson too: open every closed one just before the page
   prints and close those again afterwards. The stylesheet does the same in browsers that can
   style the inside of a <details>; this covers the others. Loads nothing, sends nothing. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var parts = document.querySelectorAll("details.handout-optional:not([open])");
    for (var i = 0; i < parts.length; i += 1) {
      parts[i].open = true;
      opened.push(parts[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) {
      opened.pop().open = false;
    }
  });
})();
