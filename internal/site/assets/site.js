// Search and filters for the list of all items on the front page. The list
// is complete and every item is a plain link without this script; it only
// hides rows, and never fetches anything.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#items tbody tr[data-id]"));
  var none = document.getElementById("no-match");
  var count = document.getElementById("item-count");
  var text = document.getElementById("filter-text");
  var theme = document.getElementById("filter-theme");
  var status = document.getElementById("filter-status");
  var actor = document.getElementById("filter-actor");
  var haystack = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!theme.value || row.getAttribute("data-theme") === theme.value) &&
        (!status.value || row.getAttribute("data-status") === status.value) &&
        (!actor.value || row.getAttribute("data-actors").split(" ").indexOf(actor.value) >= 0) &&
        words.every(function (w) { return haystack[i].indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    none.hidden = shown > 0;
    count.textContent = shown === rows.length ?
      "Showing all " + rows.length + " items." :
      "Showing " + shown + " of " + rows.length + " items.";
  }
  [theme, status, actor].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
