// Moves focus to a form's error summary when the page comes back with problems, as GOV.UK's pages
// do, so that keyboard and screen-reader users start from the list of what to fix. Without
// JavaScript the summary is still the first thing in the page and the title starts "Error:".
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
})();

// A printed page shows what folded sections hold (a dashboard's tables, a round's schools): a
// closed <details> prints only its summary. They fold again after printing.
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (folded) {
      folded.setAttribute("open", "");
      folded.setAttribute("data-opened-to-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-to-print]").forEach(function (opened) {
      opened.removeAttribute("open");
      opened.removeAttribute("data-opened-to-print");
    });
  });
})();
