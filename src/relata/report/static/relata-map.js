// The events map: draws the events in the data-map attribute on a world map (Plotly scattergeo,
// world shapes from world-110m.js: nothing is fetched), filters them by period, type and dyad in
// the browser, and lists the events of a clicked mark with their sentences. Article text only ever
// reaches the page as text nodes (textContent), and Plotly labels entity-escaped.
(function () {
  "use strict";

  var COLORS = {
    AGREE: "#1b9e77", CONSULT: "#2457c5", SUPPORT: "#66a61e", CONCEDE: "#a6761d", COOPERATE: "#17becf",
    AID: "#2ca02c", RETREAT: "#8c564b", REQUEST: "#7570b3", ACCUSE: "#e7298a", REJECT: "#bc80bd",
    THREATEN: "#ff7f0e", PROTEST: "#e6ab02", SANCTION: "#9467bd", MOBILIZE: "#7f7f7f", COERCE: "#d62728",
    ASSAULT: "#800026"
  };

  function label(text) {  // Plotly reads a few HTML tags in labels: show article text as text
    return String(text == null ? "" : text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function init() {
    var el = document.getElementById("event-map");
    if (!el || typeof Plotly === "undefined") return;
    var events;
    try { events = JSON.parse(el.getAttribute("data-map")).events; } catch (e) { return; }
    var form = document.querySelector("form.map-filters");
    var count = document.querySelector(".map-count");
    var panel = document.querySelector("section.map-selection");
    var documentUrl = el.getAttribute("data-document-url");
    var params = new URLSearchParams(window.location.search);
    ["from", "to", "type", "dyad"].forEach(function (name) {
      var value = params.get(name), field = form.elements[name];
      if (value && field && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
      }
    });
    var marks = {};

    function selected() {
      var from = form.elements.from.value, to = form.elements.to.value;
      var type = form.elements.type.value, dyad = form.elements.dyad.value;
      return events.filter(function (e) {
        if (from && (!e.month || e.month < from)) return false;
        if (to && (!e.month || e.month > to)) return false;
        if (type && e.type !== type) return false;
        if (dyad && e.dyad !== dyad) return false;
        return true;
      });
    }

    function traces(shown) {
      var byType = {};
      marks = {};
      shown.forEach(function (e) {
        var key = e.type + "@" + e.lat + "," + e.lon;
        if (!marks[key]) {
          marks[key] = { key: key, type: e.type, lat: e.lat, lon: e.lon, place: e.place, precision: e.precision, events: [] };
          (byType[e.type] = byType[e.type] || []).push(marks[key]);
        }
        marks[key].events.push(e);
      });
      return Object.keys(byType).sort().map(function (type) {
        var points = byType[type];
        return {
          type: "scattergeo", mode: "markers", name: type,
          lat: points.map(function (m) { return m.lat; }),
          lon: points.map(function (m) { return m.lon; }),
          customdata: points.map(function (m) { return m.key; }),
          hovertext: points.map(function (m) {
            var groups = {};
            m.events.forEach(function (e) { groups[e.group] = true; });
            var n = Object.keys(groups).length;
            return label(m.place + (m.precision === "place" ? "" : " (" + m.precision + ")")) + "<br>" + type +
              ": " + n + " event" + (n === 1 ? "" : "s") + ", " + m.events.length + " report" +
              (m.events.length === 1 ? "" : "s");
          }),
          hoverinfo: "text",
          marker: {
            color: COLORS[type] || "#444",
            size: points.map(function (m) { return 9 + 7 * Math.sqrt(m.events.length); }),
            symbol: points.map(function (m) { return m.precision === "country" ? "circle-open" : "circle"; }),
            line: { width: 1.5, color: COLORS[type] || "#444" }, opacity: 0.85
          }
        };
      });
    }

    var layout = {
      margin: { l: 0, r: 0, t: 10, b: 10 }, height: 520, showlegend: true,
      legend: { orientation: "h", y: -0.02 },
      geo: {
        projection: { type: "natural earth" }, showframe: false, showcoastlines: true, coastlinecolor: "#9aa4b2",
        showland: true, landcolor: "#eef0f3", showocean: true, oceancolor: "#f8fbff", showcountries: true,
        countrycolor: "#b8c0cc", showlakes: false, showrivers: false, resolution: 110,
        lataxis: { range: [-58, 84] }, lonaxis: { range: [-180, 180] }
      },
      font: { family: "system-ui, sans-serif", size: 12 }
    };
    var config = { displaylogo: false, responsive: true, scrollZoom: true, topojsonURL: "./",
                   modeBarButtonsToRemove: ["toImage", "sendDataToCloud"] };

    function describe(shown) {
      var places = {};
      shown.forEach(function (e) { places[e.lat + "," + e.lon] = true; });
      count.textContent = shown.length + " of " + events.length + " drawn events shown, at " +
        Object.keys(places).length + " places";
    }

    function show(mark) {
      var list = panel.querySelector("ol");
      while (list.firstChild) list.removeChild(list.firstChild);
      panel.querySelector("h2").textContent = mark.place + (mark.precision === "place" ? "" : " (" + mark.precision + ")") +
        ": " + mark.type;
      var groups = {}, order = [];
      mark.events.forEach(function (e) {
        if (!groups[e.group]) { groups[e.group] = []; order.push(e.group); }
        groups[e.group].push(e);
      });
      order.forEach(function (group) {
        var reports = groups[group], first = reports[0];
        var item = element("li", "event map-event");
        item.appendChild(element("div", null, (first.date || "undated") + " · " + first.type + " · " +
          (first.source || "?") + " → " + (first.target || "?") + " · " + reports.length + " report" +
          (reports.length === 1 ? "" : "s")));
        var sub = element("ul", "reports");
        reports.forEach(function (e) {
          var li = element("li");
          var link = element("a", "report-link", "“" + e.sentence + "”");
          link.href = documentUrl.replace("__DOC__", encodeURIComponent(e.document)).replace("__POS__", String(e.position));
          li.appendChild(link);
          li.appendChild(element("span", "meta", " " + (e.title || "(untitled)") + " · " + (e.outlet || "unknown outlet") +
            " · " + (e.published || "undated")));
          sub.appendChild(li);
        });
        item.appendChild(sub);
        panel.querySelector("ol").appendChild(item);
      });
      panel.hidden = false;
    }

    function draw() {
      var shown = selected();
      describe(shown);
      panel.hidden = true;
      return Plotly.react(el, traces(shown), layout, config);
    }

    Plotly.newPlot(el, traces(selected()), layout, config).then(function () {
      describe(selected());
      el.on("plotly_click", function (data) {
        var point = data && data.points && data.points[0];
        if (point && marks[point.customdata]) show(marks[point.customdata]);
      });
      el.classList.add("drawn");
    });
    form.addEventListener("change", draw);
    form.addEventListener("reset", function () { window.setTimeout(draw, 0); });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
