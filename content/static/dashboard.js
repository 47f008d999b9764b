// Draws the follow-up dashboard's two charts with Chart.js (Debian's libjs-chart.js).
// The numbers come from the page itself; the same numbers are in a table for screen readers.
(function () {
  var source = document.getElementById('diagramdata');
  if (!source || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var colours = ['#6c757d', '#0b4f8a', '#8a1c00', '#1d6b2f', '#b35900'];
  var area = document.getElementById('per-omrade');
  if (area) {
    new Chart(area, {
      type: 'bar',
      data: {
        labels: data.by_area.labels,
        datasets: data.by_area.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: colours[i % colours.length] };
        })
      },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }
    });
  }
  var time = document.getElementById('over-tid');
  if (time) {
    new Chart(time, {
      type: 'line',
      data: {
        labels: data.over_time.labels,
        datasets: [
          { label: 'Givna', data: data.over_time.given, borderColor: '#0b4f8a', backgroundColor: '#0b4f8a' },
          { label: 'Klara', data: data.over_time.done, borderColor: '#1d6b2f', backgroundColor: '#1d6b2f' }
        ]
      },
      options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
})();
