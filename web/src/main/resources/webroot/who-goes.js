// "Who goes": counts the ticked pupils against the booking's places as boxes are ticked, and filters
// the other pupils in place. Without JavaScript the page still works: the count is the server's
// after each save, and the filter is a GET form that reloads the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-who-goes]");
  if (!form) {
    return;
  }
  var places = parseInt(form.getAttribute("data-places"), 10);
  var status = document.getElementById("chosen-count");
  var legendCount = form.querySelector("[data-going-count]");
  var announced = status.textContent;
  var timer = null;

  // The same words as WhoGoes.countLine() on the server.
  function countText(chosen) {
    var text = chosen + " of " + places + " places chosen";
    if (chosen > places) {
      return text + ": " + (chosen - places) + " too many";
    }
    return chosen < places ? text + ", " + (places - chosen) + " left" : text;
  }

  function recount() {
    var chosen = form.querySelectorAll('input[name="pupil"]:checked').length;
    legendCount.textContent = chosen + " of " + places + " places";
    // The live region changes once ticking pauses, so a screen reader hears the count once, not per box.
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = countText(chosen);
      if (text !== announced) {
        announced = text;
        status.textContent = text;
        status.classList.toggle("choice-count--over", chosen > places);
      }
    }, 600);
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "pupil") {
      recount();
    }
  });

  // Filtering in place keeps unsaved ticks; only when every other pupil is on the page (no filter
  // from the address), since a filter can then widen as well as narrow.
  var filter = document.querySelector("form[data-pupil-filter]");
  var others = form.querySelector("[data-others][data-complete]");
  if (!filter || !others) {
    return;
  }
  var shown = others.querySelector("[data-others-shown]");
  var rows = others.querySelectorAll("[data-reference]");
  var groups = ["disadvantaged", "send", "eal"];
  var names = { disadvantaged: "disadvantaged", send: "SEND", eal: "EAL" };
  Array.prototype.forEach.call(filter.querySelectorAll("[data-no-script]"), function (note) {
    note.hidden = true;
  });

  function applyFilter() {
    var text = filter.elements.reference.value.trim().toLowerCase();
    var ticked = groups.filter(function (group) {
      return filter.elements[group].checked;
    });
    var count = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var inGroup = ticked.length === 0 || ticked.some(function (group) {
        return row.getAttribute("data-" + group) === "true";
      });
      var show = inGroup && row.getAttribute("data-reference").toLowerCase().indexOf(text) >= 0;
      // a pupil ticked since the page loaded stays in sight, as the pupils going do
      row.hidden = !show && !row.querySelector("input").checked;
      if (!row.hidden) {
        count++;
      }
    });
    var who = ticked.length === 0 ? "pupils" : ticked.map(function (group) {
      return names[group];
    }).join(" or ") + " pupils";
    shown.textContent = text === "" && ticked.length === 0
      ? rows.length + " pupils."
      : "Showing " + count + " of " + rows.length + ": " + who + (text === "" ? "" : " whose reference contains \u201c"
        + filter.elements.reference.value.trim() + "\u201d") + ".";
  }

  filter.addEventListener("submit", function (event) {
    event.preventDefault();
    applyFilter();
  });
  filter.addEventListener("input", applyFilter);
  filter.addEventListener("change", applyFilter);
})();
