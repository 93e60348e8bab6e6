/* Draws the alliance page's charts with Chart.js (vendored from npm).
   Each <canvas data-chart="score|metric" data-source="ID"> reads its numbers from
   the <script type="application/json" id="ID"> next to it; without JavaScript the
   numbers stay readable in the page's tables and text. */
(function () {
  "use strict";
  if (!window.Chart) { return; }
  var css = getComputedStyle(document.documentElement);
  function color(name, fallback) { return (css.getPropertyValue(name) || fallback).trim(); }
  var ink = color("--ink-soft", "#4a5568");
  var grid = color("--line", "#dfe3ea");
  var accent = color("--accent", "#1f5fbf");
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = ink;
  Chart.defaults.animation = false;
  // Months along the bottom: flat labels, as many as fit.
  var XTICKS = { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 };

  function flat(value, n) {
    var out = [];
    for (var i = 0; i < n; i++) { out.push(value); }
    return out;
  }

  function line(label, data, stroke, dashed) {
    return {
      label: label, data: data, borderColor: stroke, backgroundColor: stroke,
      borderWidth: dashed ? 1.5 : 2.2, borderDash: dashed ? [6, 4] : [],
      pointRadius: dashed ? 0 : 2.5, tension: 0.25, fill: false, spanGaps: true
    };
  }

  function scoreChart(canvas, d) {
    var sets = [line("Score", d.scores, accent, false)];
    if (d.baseline !== null && d.baseline !== undefined) {
      sets.push(line("Baseline", flat(d.baseline, d.labels.length), "#8a94a6", true));
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: d.labels, datasets: sets },
      options: {
        maintainAspectRatio: false,
        scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 }, grid: { color: grid } },
                  x: { grid: { display: false }, ticks: XTICKS } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  function metricChart(canvas, d) {
    var n = d.labels.length;
    var sets = [line(d.name + (d.unit ? " (" + d.unit + ")" : ""), d.values, accent, false)];
    if (d.target !== null && d.target !== undefined) {
      sets.push(line("Target", flat(d.target, n), color("--b5", "#1f7a55"), true));
    }
    if (d.baseline !== null && d.baseline !== undefined) {
      sets.push(line("Baseline", flat(d.baseline, n), "#8a94a6", true));
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: d.labels, datasets: sets },
      options: {
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, grid: { color: grid } }, x: { grid: { display: false }, ticks: XTICKS } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
      }
    });
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var source = document.getElementById(canvas.dataset.source);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      (canvas.dataset.chart === "score" ? scoreChart : metricChart)(canvas, data);
      canvas.dataset.drawn = "1";
    });
  }

  draw(document);
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
