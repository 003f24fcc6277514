// Keeps a matching round's progress current while it solves, and shows the proposal when it ends.
// Without JavaScript the page refreshes itself instead (a meta refresh inside <noscript>).
(function () {
  "use strict";
  var panel = document.querySelector("[data-progress-url]");
  if (!panel) {
    return;
  }
  var url = panel.getAttribute("data-progress-url");

  function show(progress) {
    Object.keys(progress).forEach(function (key) {
      var field = panel.querySelector('[data-field="' + key + '"]');
      if (field && progress[key] !== null && progress[key] !== undefined) {
        field.textContent = String(progress[key]);
      }
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("progress answered " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        show(progress);
        if (progress.solving) {
          setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        setTimeout(poll, 3000); // the server restarting, or the network: try again a little later
      });
  }

  setTimeout(poll, 1000);
})();
