// Relata pages: draw the charts described by data-chart attributes, and light up the span a
// link points at (#event-3 lights every piece of event 3). No inline script anywhere.
(function () {
  "use strict";

  function drawCharts() {
    if (typeof Plotly === "undefined") return;
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var spec;
      try { spec = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
      Plotly.newPlot(el, spec.data, spec.layout, { displaylogo: false, displayModeBar: false, responsive: true })
        .then(function () { el.classList.add("drawn"); });
    });
  }

  function focusTarget() {
    document.querySelectorAll("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
    var ref = decodeURIComponent(window.location.hash.slice(1));
    if (!ref) return;
    var pieces = document.querySelectorAll("mark[data-ref]");
    var first = null;
    pieces.forEach(function (m) {
      if (m.getAttribute("data-ref") === ref) {
        m.classList.add("focus");
        if (!first) first = m;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", drawCharts);
  // After "load": the browser's own jump to the fragment comes first, then we centre the span.
  window.addEventListener("load", focusTarget);
  window.addEventListener("hashchange", focusTarget);
})();
