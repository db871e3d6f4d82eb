// communique dashboard: the dyad chart and the article highlights. No framework, no CDN.
"use strict";

const QUADS = [
  ["verbal_cooperation", "verbal cooperation", "#8fd19e"],
  ["material_cooperation", "material cooperation", "#2e8b57"],
  ["verbal_conflict", "verbal conflict", "#f4a261"],
  ["material_conflict", "material conflict", "#c8282b"],
];

function drawDyadChart() {
  const canvas = document.getElementById("dyad-chart");
  const data = document.getElementById("dyad-data");
  if (!canvas || !data || typeof Chart === "undefined") return;
  const series = JSON.parse(data.textContent);
  const labels = series.points.map((p) => p.period);
  const datasets = QUADS.map(([key, label, colour]) => ({
    type: "bar", label, data: series.points.map((p) => p[key]),
    backgroundColor: colour, stack: "events", yAxisID: "y", order: 2,
  }));
  datasets.push({
    type: "line", label: "mean Goldstein", yAxisID: "goldstein", order: 1,
    data: series.points.map((p) => p.goldstein_mean), borderColor: "#1d3557",
    backgroundColor: "#1d3557", spanGaps: true, tension: 0, pointRadius: 3,
  });
  const chart = new Chart(canvas, {
    data: { labels, datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, title: { display: true, text: series.interval + " starting" } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "events" } },
        goldstein: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein" } },
      },
      onClick: (_event, elements) => {
        if (!elements.length) return;
        showPeriod(series, labels[elements[0].index]);
      },
    },
  });
  canvas.dataset.ready = "true";
  return chart;
}

function showPeriod(series, start) {
  // List the events of the clicked week or month under the chart.
  const first = new Date(start + "T00:00:00Z");
  const last = new Date(first);
  if (series.interval === "month") last.setUTCMonth(last.getUTCMonth() + 1);
  else last.setUTCDate(last.getUTCDate() + 7);
  last.setUTCDate(last.getUTCDate() - 1);
  const url = new URL(window.location.href);
  url.searchParams.set("since", start);
  url.searchParams.set("until", last.toISOString().slice(0, 10));
  url.searchParams.delete("offset");
  window.location.href = url.toString();
}

function focusSpan(id) {
  // Emphasise every highlight of one event or quote, and its card.
  document.querySelectorAll("mark.focus, .card.focus").forEach((el) => el.classList.remove("focus"));
  if (!id) return;
  const [kind, key] = [id.slice(0, 2), id.slice(2)];
  const attribute = kind === "e-" ? "data-events" : "data-quotes";
  const marks = document.querySelectorAll(`mark[${attribute}~="${CSS.escape(key)}"]`);
  marks.forEach((mark) => mark.classList.add("focus"));
  const card = document.getElementById("card-" + id);
  if (card) card.classList.add("focus");
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
}

function wireArticle() {
  const text = document.getElementById("article-text");
  if (!text) return;
  focusSpan(decodeURIComponent(window.location.hash.slice(1)));
  window.addEventListener("hashchange", () => focusSpan(decodeURIComponent(window.location.hash.slice(1))));
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (!mark) return;
    const first = (mark.dataset.events || "").split(" ").filter(Boolean)[0];
    const quote = (mark.dataset.quotes || "").split(" ").filter(Boolean)[0];
    const id = first ? "e-" + first : quote ? "q-" + quote : "";
    if (id) {
      focusSpan(id);
      const card = document.getElementById("card-" + id);
      if (card) card.scrollIntoView({ block: "nearest" });
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  drawDyadChart();
  wireArticle();
});
