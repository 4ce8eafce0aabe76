// The models map (/models/map): the counts of models per sub-unit, read from the table on the page,
// drawn on the unit boundaries served by the dashboards' GeoJSON API (no tile layer: offline). Without
// boundaries (or without script) the table stays the answer, and the page says so.
(function () {
  var el = document.getElementById('models-map');
  if (!el || !window.L || !window.fetch) { return; }
  var counts = {};
  document.querySelectorAll('#models-by-unit tr[data-unit]').forEach(function (tr) {
    counts[tr.getAttribute('data-unit')] = Number(tr.getAttribute('data-models'));
  });
  fetch(el.getAttribute('data-boundaries'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      if (!geo || !geo.features || !geo.features.length) { return; }
      el.hidden = false;
      var note = document.getElementById('no-boundaries');
      if (note) { note.hidden = true; }
      var max = 0;
      Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
      var colours = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];
      function colour(n) {
        if (!n) { return colours[0]; }
        return colours[Math.min(colours.length - 1, 1 + Math.floor((n - 1) * (colours.length - 1) / Math.max(1, max)))];
      }
      var Lf = window.L;
      var map = Lf.map(el, { attributionControl: false });
      var layer = Lf.geoJSON(geo, {
        style: function (f) {
          return { color: '#444', weight: 1, fillOpacity: 0.8, fillColor: colour(counts[String(f.properties.unit_id)]) };
        },
        onEachFeature: function (f, l) {
          var n = counts[String(f.properties.unit_id)] || 0;
          l.bindTooltip(f.properties.unit + ': ' + (n ? n + ' ' + el.getAttribute('data-legend') : el.getAttribute('data-none')));
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      window.giamngheoModelsMap = map;
    })
    .catch(function () { /* the table stays */ });
}());
