// Draws the dashboard's charts from /admin/dashboard/series.json with ECharts (served from its webjar).
(function () {
  var holder = document.getElementById('trend-chart');
  if (!holder || !window.echarts) {
    return;
  }
  fetch(holder.getAttribute('data-series'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var keys = ['checkins', 'participations', 'instantWins', 'draws', 'comments'];
      var names = {};
      keys.forEach(function (k) { names[k] = holder.dataset[k]; });
      // both charts: one point per business day, the day as MM-DD
      function dayChart(element, series) {
        var chart = echarts.init(element);
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
          xAxis: { type: 'category', data: data.days.map(function (d) { return d.substring(5); }) },
          yAxis: { type: 'value', minInterval: 1 },
          series: series
        });
        return chart;
      }
      var trend = dayChart(holder, keys.filter(function (k) { return k !== 'draws' && k !== 'instantWins'; }).map(function (k) {
        return { name: names[k], type: 'line', showSymbol: false, areaStyle: { opacity: .08 }, data: data[k] };
      }));
      var bars = dayChart(document.getElementById('wins-chart'), ['instantWins', 'draws'].map(function (k) {
        return { name: names[k], type: 'bar', data: data[k] };
      }));
      holder.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { trend.resize(); bars.resize(); });
    });
})();
