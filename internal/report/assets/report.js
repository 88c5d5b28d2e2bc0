// Filters for the items table. The table is complete without this script;
// it only hides rows, so printing or reading without JavaScript loses nothing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#items tbody tr[data-id]"));
  var none = document.getElementById("no-match");
  var count = document.getElementById("item-count");
  var theme = document.getElementById("filter-theme");
  var status = document.getElementById("filter-status");
  var actor = document.getElementById("filter-actor");
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!theme.value || row.getAttribute("data-theme") === theme.value) &&
        (!status.value || row.getAttribute("data-status") === status.value) &&
        (!actor.value || row.getAttribute("data-actors").split(" ").indexOf(actor.value) >= 0);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    none.hidden = shown > 0;
    count.textContent = shown === rows.length ?
      "Showing all " + rows.length + " items." :
      "Showing " + shown + " of " + rows.length + " items.";
  }
  [theme, status, actor].forEach(function (el) { el.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
