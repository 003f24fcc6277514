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
