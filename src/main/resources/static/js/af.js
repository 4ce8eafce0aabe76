/* Alkire–Foster dashboard: draws the page's JSON block #af-data with ECharts (WebJar). */
(function () {
  var data = document.getElementById('af-data');
  if (!data || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  window.giamngheoAf = d;
  var L = d.labels, charts = {};
  function col(t, name) { return t.header.indexOf(name); }
  function init(id) {
    var c = echarts.init(document.getElementById('chart-' + id), null, { renderer: 'canvas' });
    charts[id] = c;
    return c;
  }
  function num(v) { return (v === '' || v === null) ? null : v; }
  // H and A (%) on the left axis, M0 on the right, by year
  (function () {
    var t = d.series, years = t.rows.map(function (r) { return r[0]; });
    var line = function (h, axis) {
      var i = col(t, h);
      return { name: L[h], type: 'line', yAxisIndex: axis, connectNulls: true, data: t.rows.map(function (r) { return num(r[i]); }) };
    };
    init('af_series').setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { top: 40, left: 50, right: 60, bottom: 30 }, xAxis: { type: 'category', data: years },
      yAxis: [{ type: 'value', name: '%' }, { type: 'value', name: 'M0', min: 0 }],
      series: [line('af_h', 0), line('af_a', 0), line('af_m0', 1)] });
  })();
  // M0 of each child, highest on top
  (function () {
    var t = d.units, n = col(t, 'unit'), m = col(t, 'af_m0');
    var rows = t.rows.slice().reverse();
    init('af_units').setOption({ tooltip: {}, grid: { left: 170, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'M0' }, yAxis: { type: 'category', data: rows.map(function (r) { return r[n]; }) },
      series: [{ name: L.af_m0, type: 'bar', data: rows.map(function (r) { return r[m]; }) }] });
  })();
  // contribution of each indicator to M0 (%)
  (function () {
    var t = d.contributions, n = col(t, 'indicator_name'), p = col(t, 'af_contribution');
    var rows = t.rows.slice().sort(function (a, b) { return a[p] - b[p]; });
    init('af_contributions').setOption({ tooltip: {}, grid: { left: 300, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: '%' }, yAxis: { type: 'category', data: rows.map(function (r) { return r[n]; }) },
      series: [{ name: L.af_contribution, type: 'bar', data: rows.map(function (r) { return r[p]; }),
        label: { show: true, position: 'right' } }] });
  })();
  // children x indicators: censored headcount ratio (%)
  (function () {
    var t = d.heatmap, inds = t.header.slice(1), units = t.rows.map(function (r) { return r[0]; });
    var data = [], max = 0;
    t.rows.forEach(function (r, y) { inds.forEach(function (ind, x) { data.push([x, y, r[x + 1]]); max = Math.max(max, r[x + 1]); }); });
    init('af_heatmap').setOption({ tooltip: { position: 'top' }, grid: { left: 170, top: 10, bottom: 120, right: 20 },
      xAxis: { type: 'category', data: inds, axisLabel: { interval: 0, rotate: 30, width: 110, overflow: 'truncate' } }, yAxis: { type: 'category', data: units },
      visualMap: { min: 0, max: Math.max(1, Math.ceil(max)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f7fbff', '#fdae61', '#b2182b'] } },
      series: [{ name: L.af_censored, type: 'heatmap', data: data, label: { show: inds.length <= 12 } }] });
  })();
  document.querySelectorAll('[data-png]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var link = document.createElement('a');
      link.href = charts[a.getAttribute('data-png')].getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      link.download = a.getAttribute('data-png') + '.png';
      link.click();
    });
  });
})();
