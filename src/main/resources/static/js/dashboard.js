/* Dashboards: draws the charts of the page's JSON block #dashboard-data with ECharts (WebJar). */
(function () {
  var data = document.getElementById('dashboard-data');
  if (!data || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  window.giamngheoDashboard = d;
  var L = d.labels;
  var charts = {};
  function col(table, name) { return table.header.indexOf(name); }
  // a provisional year (review in progress) is said so on the axis and in the chart's own
  // title, so that a saved PNG carries it too (ADR 0021)
  var statusBox = document.getElementById('year-status');
  var provisional = !!statusBox && statusBox.getAttribute('data-provisional') === 'true';
  var badge = statusBox ? statusBox.querySelector('.badge.provisional') : null;
  var coverage = statusBox ? statusBox.querySelector('.year-coverage') : null;
  var provisionalWord = badge ? badge.textContent.trim() : '';
  function yearLabels(t) {
    var s = col(t, 'status');
    return t.rows.map(function (r) { return (s >= 0 && r[s] === 'PROVISIONAL') ? r[0] + ' (' + provisionalWord + ')' : String(r[0]); });
  }
  function provisionalTitle() {
    return provisional && coverage ? { text: coverage.textContent.trim(), textStyle: { fontSize: 12, color: '#6b4e00' }, left: 'center', bottom: 0 } : undefined;
  }
  function init(id) {
    var el = document.getElementById('chart-' + id);
    var c = echarts.init(el, null, { renderer: 'canvas' });
    charts[id] = c;
    return c;
  }
  function targetMarks() {
    return d.targets.map(function (t) {
      return { yAxis: t.value, name: t.code, label: { position: 'insideEndTop', formatter: t.code + ' ' + L.target + ' ' + t.value + '%' + (t.year ? ' (' + t.year + ')' : '') },
               lineStyle: { color: '#c62828', type: 'dashed', width: 2 } };
    });
  }
  // 1. overview
  (function () {
    var t = d.overview, years = yearLabels(t);
    var names = t.header.filter(function (h) { return h === 'poor' || h === 'near_poor' || h.indexOf('poor_') === 0; });
    var series = names.map(function (h, k) {
      var i = col(t, h);
      var s = { name: L[h] || h, type: 'line', connectNulls: true, data: t.rows.map(function (r) { return r[i]; }) };
      if (h === 'poor') { s.lineStyle = { width: 3 }; s.markLine = { symbol: 'none', data: targetMarks() }; }
      if (h !== 'poor' && h !== 'near_poor') { s.lineStyle = { type: 'dotted' }; }
      return s;
    });
    init('overview').setOption({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
      grid: { top: 40, left: 50, right: 30, bottom: 30 }, xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: '%' }, series: series });
  })();
  // 2. comparison
  (function () {
    var t = d.comparison, n = col(t, 'unit'), p = col(t, 'poor');
    var rows = t.rows.slice().reverse();
    init('comparison').setOption({ title: provisionalTitle(), tooltip: {}, grid: { left: 170, right: 40, top: 10, bottom: provisional ? 50 : 30 },
      xAxis: { type: 'value', name: '%' }, yAxis: { type: 'category', data: rows.map(function (r) { return r[n]; }) },
      series: [{ name: L.poor, type: 'bar', data: rows.map(function (r) { return r[p]; }),
        markLine: { symbol: 'none', data: d.targets.map(function (t) { return { xAxis: t.value, name: t.code,
          label: { formatter: t.code + ' ' + t.value + '%' }, lineStyle: { color: '#c62828', type: 'dashed' } }; }) } }] });
  })();
  // 3. deprivation heatmap
  (function () {
    var t = d.deprivations, inds = t.header.slice(1), units = t.rows.map(function (r) { return r[0]; });
    var data = [];
    t.rows.forEach(function (r, y) { inds.forEach(function (ind, x) { if (r[x + 1] !== '') { data.push([x, y, r[x + 1]]); } }); });
    init('deprivations').setOption({ title: provisional && coverage ? { text: coverage.textContent.trim(), textStyle: { fontSize: 12, color: '#6b4e00' }, left: 'center', top: 0 } : undefined,
      tooltip: { position: 'top' }, grid: { left: 170, top: provisional ? 30 : 10, bottom: 120, right: 20 },
      xAxis: { type: 'category', data: inds, axisLabel: { interval: 0, rotate: 30, width: 110, overflow: 'truncate' } }, yAxis: { type: 'category', data: units },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f7fbff', '#fdae61', '#b2182b'] } },
      series: [{ type: 'heatmap', data: data, label: { show: inds.length <= 12 } }] });
  })();
  // 4. flows
  (function () {
    var t = d.flows, years = yearLabels(t);
    var series = ['exited', 'newly_poor', 'fell_back'].map(function (h) {
      var i = col(t, h), sign = (h === 'exited') ? -1 : 1;
      return { name: L[h], type: 'bar', stack: (h === 'exited') ? 'out' : 'in', data: t.rows.map(function (r) { return sign * r[i]; }) };
    });
    init('flows').setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 40, left: 60, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: years }, yAxis: { type: 'value' }, series: series });
  })();
  // 5. treemap
  (function () {
    init('treemap').setOption({ title: provisionalTitle(), tooltip: { formatter: function (i) { var v = i.value || []; return i.name + ': ' + v[0] + ' hộ, ' + v[1] + '%'; } },
      series: [{ type: 'treemap', data: d.treemap, leafDepth: 1, visualDimension: 1, visualMin: 0, visualMax: 30,
        color: ['#2e7d32', '#fbc02d', '#c62828'], colorMappingBy: 'value',
        levels: [{ itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } }, { colorSaturation: [0.3, 0.7] }] }] });
  })();
  document.querySelectorAll('[data-png]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var c = charts[a.getAttribute('data-png')];
      var link = document.createElement('a');
      link.href = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      link.download = a.getAttribute('data-png') + '.png';
      link.click();
    });
  });
  // Choropleth of the children's poverty rate on their uploaded boundaries (no tile layer: offline).
  (function () {
    var el = document.getElementById('map-choropleth');
    if (!el || !d.map || !window.L) { return; }
    var Lf = window.L, rates = d.map.features.map(function (f) { return f.properties.poor; })
      .filter(function (v) { return v !== null && v !== undefined; });
    var max = rates.length ? Math.max.apply(null, rates) : 0;
    var colours = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
    var steps = colours.map(function (c, k) { return Math.round(max * k / colours.length * 10) / 10; });
    function colour(v) {
      if (v === null || v === undefined) { return '#cccccc'; }
      var k = steps.length - 1;
      while (k > 0 && v < steps[k]) { k--; }
      return colours[k];
    }
    var map = Lf.map(el, { attributionControl: false });
    var layer = Lf.geoJSON(d.map, {
      style: function (f) { return { color: '#444', weight: 1, fillOpacity: 0.8, fillColor: colour(f.properties.poor) }; },
      onEachFeature: function (f, l) {
        var v = f.properties.poor;
        l.bindTooltip(f.properties.unit + ': ' + ((v === null || v === undefined) ? L['no-data'] : v.toLocaleString(document.documentElement.lang || 'vi') + '%'));
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    var legend = Lf.control({ position: 'bottomright' });
    legend.onAdd = function () {
      var div = Lf.DomUtil.create('div', 'map-legend');
      div.style.background = '#fff'; div.style.padding = '4px 8px';
      var html = '<strong>' + L.legend + '</strong>';
      steps.forEach(function (s, k) {
        html += '<br><i style="display:inline-block;width:14px;height:14px;background:' + colours[k] + '"></i> ≥ ' + s;
      });
      html += '<br><i style="display:inline-block;width:14px;height:14px;background:#cccccc"></i> ' + L['no-data'];
      div.innerHTML = html;
      return div;
    };
    legend.addTo(map);
    window.giamngheoMap = map;
  })();
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.giamngheoCharts = charts;
})();
