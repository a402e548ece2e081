// Draws each tally on the page (a budget vote's results, a consultation's answers) as horizontal bars from the figures
// the page carries as JSON beside its canvas; without JavaScript the table or text next to it says the same.
(function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.tally-chart').forEach((canvas) => {
    const data = document.getElementById(canvas.dataset.source);
    if (!data) return;
    const tally = JSON.parse(data.textContent);
    // The box gets its height first: the chart fills the box it finds.
    canvas.parentElement.classList.add('tally-chart-drawn');
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: tally.labels,
        datasets: [{ label: tally.label, data: tally.values, backgroundColor: tally.colors }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          // Long titles keep their beginning on a narrow screen (Chart.js would cut it off); the table or text says them whole.
          y: { ticks: { callback(value) { const label = this.getLabelForValue(value); return label.length > 28 ? `${label.slice(0, 27)}…` : label; } } },
        },
      },
    });
  });
})();
