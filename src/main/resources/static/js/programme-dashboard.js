/* Programme funds dashboard (ADR 0050): draws the charts of the JSON block #programme-dashboard-data with ECharts. */
(function () {
  var data = document.getElementById('programme-dashboard-data');
  if (!data || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  var L = d.labels;
  var charts = {};
  var status = document.getElementById('funds-status');
  var pending = document.getElementById('pending-note');
  // a provisional view says so in the chart too, so a saved picture carries it
  var note = status && status.getAttribute('data-provisional') === 'true' && pending ? pending.textContent.trim() : null;
  function title() { return note ? { text: note, textStyle: { fontSize: 12, color: '#6b4e00' }, left: 'center', bottom: 0 } : undefined; }
  function million(v) { return Math.round(v / 1e6); }
  function fmt(v) { return (v === null || v === undefined) ? '—' : v.toLocaleString(document.documentElement.lang || 'vi'); }
  function init(id) {
    var el = document.getElementById('chart-' + id);
    if (!el) { return null; }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    charts[id] = c;
    return c;
  }
  // stacked bars: disbursed + not yet disbursed = allocated; the rate in the tooltip
  function moneyChart(id, lines) {
    var c = init(id);
    if (!c) { return; }
    var rows = lines.slice().reverse();
    c.setOption({ title: title(), legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
        var r = rows[ps[0].dataIndex];
        return r.name + '<br>' + L.allocated + ': ' + fmt(million(r.allocated)) + ' ' + L.million
          + '<br>' + L.disbursed + ': ' + fmt(million(r.disbursed)) + ' ' + L.million
          + '<br>' + L.rate + ': ' + fmt(r.rate) + '%'; } },
      grid: { left: 230, right: 30, top: 30, bottom: note ? 50 : 30 },
      xAxis: { type: 'value', name: L.million },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        { name: L.disbursed, type: 'bar', stack: 'a', itemStyle: { color: '#2e7d32' }, data: rows.map(function (r) { return million(r.disbursed); }) },
        { name: L.undisbursed, type: 'bar', stack: 'a', itemStyle: { color: '#fbc02d' }, data: rows.map(function (r) { return million(r.allocated - r.disbursed); }) }
      ] });
  }
  moneyChart('groups', d.groups);
  moneyChart('projects', d.projects);
  // child units: disbursement rate, lowest first at the top
  (function () {
    var c = init('units');
    if (!c) { return; }
    var rows = d.units.filter(function (r) { return r.rate !== null; }).reverse();
    c.setOption({ title: title(), tooltip: {}, grid: { left: 200, right: 40, top: 10, bottom: note ? 50 : 30 },
      xAxis: { type: 'value', name: '%', max: 100 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [{ name: L.rate, type: 'bar', data: rows.map(function (r) {
        return { value: r.rate, itemStyle: { color: r.rate < 60 ? '#c62828' : (r.rate < 80 ? '#fbc02d' : '#2e7d32') } }; }) }] });
  })();
  // outputs: value against target
  (function () {
    var c = init('outputs');
    if (!c) { return; }
    var rows = d.outputs.slice().reverse();
    c.setOption({ legend: { top: 0 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 260, right: 30, top: 30, bottom: 30 }, xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { width: 250, overflow: 'truncate' } },
      series: [
        { name: L.value, type: 'bar', itemStyle: { color: '#1565c0' }, data: rows.map(function (r) { return r.value; }) },
        { name: L.target, type: 'bar', itemStyle: { color: '#9e9e9e' }, data: rows.map(function (r) { return r.target; }) }
      ] });
  })();
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.giamngheoProgrammeCharts = charts;
})();
