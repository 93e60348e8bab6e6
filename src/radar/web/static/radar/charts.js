/* Draws the charts with Chart.js (vendored from npm), loading it only on pages
   that have a chart. Each <canvas data-chart="score|metric" data-source="ID">
   reads its numbers from the <script type="application/json" id="ID"> next to
   it; without JavaScript the numbers stay readable in the page's tables and text. */
(function () {
  "use strict";
  var libraryUrl = document.currentScript && document.currentScript.dataset.chartjs;
  var loading = false;
  var theme = null;

  function color(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name);
    return (value || fallback).trim();
  }

  function setup() {
    if (theme) { return; }
    theme = {
      grid: color("--line", "#dfe3ea"),
      accent: color("--accent", "#1f5fbf"),
      good: color("--b5", "#1f7a55"),
      baseline: "#8a94a6",
      // Months along the bottom: flat labels, as many as fit.
      xticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }
    };
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = color("--ink-soft", "#4a5568");
    Chart.defaults.animation = false;
  }

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

  function options(y) {
    return {
      maintainAspectRatio: false,
      scales: { y: y, x: { grid: { display: false }, ticks: theme.xticks } },
      plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
    };
  }

  function scoreChart(canvas, d) {
    var sets = [line("Score", d.scores, theme.accent, false)];
    if (d.baseline !== null && d.baseline !== undefined) {
      sets.push(line("Baseline", flat(d.baseline, d.labels.length), theme.baseline, true));
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: d.labels, datasets: sets },
      options: options({ min: 1, max: 5, ticks: { stepSize: 1 }, grid: { color: theme.grid } })
    });
  }

  function metricChart(canvas, d) {
    var n = d.labels.length;
    var sets = [line(d.name + (d.unit ? " (" + d.unit + ")" : ""), d.values, theme.accent, false)];
    if (d.target !== null && d.target !== undefined) {
      sets.push(line("Target", flat(d.target, n), theme.good, true));
    }
    if (d.baseline !== null && d.baseline !== undefined) {
      sets.push(line("Baseline", flat(d.baseline, n), theme.baseline, true));
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: d.labels, datasets: sets },
      options: options({ beginAtZero: true, grid: { color: theme.grid } })
    });
  }

  // The numbers table that follows a chart is folded away once the chart is drawn.
  function closeFallbackAfter(box) {
    for (var el = box && box.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.classList.contains("chart-box")) { return; }
      if (el.classList.contains("chart-fallback")) { el.open = false; return; }
    }
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var source = document.getElementById(canvas.dataset.source);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      // Without JavaScript the box stays hidden and the numbers table stays open.
      var box = canvas.closest(".chart-box");
      if (box) { box.classList.add("is-ready"); }
      (canvas.dataset.chart === "score" ? scoreChart : metricChart)(canvas, data);
      canvas.dataset.drawn = "1";
      closeFallbackAfter(box);
    });
  }

  function whenReady(root) {
    if (!root.querySelector("canvas[data-chart]")) { return; }
    if (window.Chart) { setup(); draw(root); return; }
    if (loading || !libraryUrl) { return; }
    loading = true;
    var script = document.createElement("script");
    script.src = libraryUrl;
    script.onload = function () { setup(); draw(document); };
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () { whenReady(document); });
  document.addEventListener("htmx:afterSettle", function (event) { whenReady(event.target); });
})();
