/* Support coverage: a bar chart of the coverage of each commune (share of the demand served),
   from the page's JSON block #support-coverage-data (no inline script, ADR 0019). */
(function () {
  var data = document.getElementById('support-coverage-data');
  var el = document.getElementById('chart-coverage');
  if (!data || !el || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  var L = d.labels;
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [L.withDemand, L.served, L.percent] },
    grid: { left: 50, right: 50, bottom: 80 },
    xAxis: { type: 'category', data: d.communes, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
    series: [
      { name: L.withDemand, type: 'bar', data: d.withDemand, itemStyle: { color: '#b0bec5' } },
      { name: L.served, type: 'bar', data: d.served, itemStyle: { color: '#2e7d32' } },
      { name: L.percent, type: 'line', yAxisIndex: 1, data: d.percent, itemStyle: { color: '#c62828' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
