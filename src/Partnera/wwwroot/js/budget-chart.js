// Draws the vote tally of a participatory budget from the figures the page carries as JSON; without JavaScript the table says the same.
(function () {
  const data = document.getElementById('budget-chart-data');
  const canvas = document.getElementById('budget-chart');
  if (!data || !canvas || typeof Chart === 'undefined') return;
  const tally = JSON.parse(data.textContent);
  // The box gets its height first: the chart fills the box it finds.
  canvas.parentElement.classList.add('budget-chart-drawn');
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: tally.labels,
      datasets: [{
        label: tally.votes,
        data: tally.values,
        backgroundColor: tally.funded.map((f) => (f ? '#198754' : '#6c757d')),
      }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
})();
