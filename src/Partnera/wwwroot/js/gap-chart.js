// Draws a needs chart (gaps, costs) from the figures the page carries as JSON; without JavaScript the table says the same.
(function () {
  const data = document.getElementById('gap-chart-data');
  const canvas = document.getElementById('gap-chart');
  if (!data || !canvas || typeof Chart === 'undefined') return;
  const chart = JSON.parse(data.textContent);
  const colours = ['#0d6efd', '#198754', '#dc3545', '#6c757d'];
  // The box gets its height first: the chart fills the box it finds.
  canvas.parentElement.classList.add('gap-chart-drawn');
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: colours[i % colours.length] })),
    },
    options: {
      indexAxis: chart.labels.length > 8 ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      // Parts of one whole (a cost split by funding source) stack into one bar.
      scales: chart.stacked ? { x: { stacked: true }, y: { stacked: true } } : {},
    },
  });
})();
