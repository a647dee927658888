/**
 * The public disclosure page's script, served as is: no token; the same ECharts as the dashboard draw
 * the region's pass-rate trend and its published cases by kind.
 */
export const DISCLOSURE_SCRIPT = String.raw`(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('page-data').textContent);
  var t = page.text;
  var $ = function (id) { return document.getElementById(id); };
  var query = page.period ? '?period=' + encodeURIComponent(page.period) : '';
  function rows(id, records, cells, key) {
    var body = $(id);
    records.forEach(function (record) {
      var row = document.createElement('tr');
      row.dataset.recordId = record[key];
      cells(record).forEach(function (cell) { var td = document.createElement('td'); td.textContent = cell; row.appendChild(td); });
      body.appendChild(row);
    });
  }
  fetch('/public/regions/' + encodeURIComponent(page.region) + '/disclosure' + query, { headers: { accept: 'application/json' } })
    .then(function (answer) { return answer.json().then(function (body) { if (!answer.ok) throw new Error(body.detail || answer.statusText); return body; }); })
    .then(function (d) {
      $('region-name').textContent = (d.regionName || d.region) + ' · ' + d.period;
      var kpi = document.createElement('span');
      kpi.className = 'kpi';
      kpi.dataset.kpi = 'passRate';
      kpi.dataset.value = d.passRate.rate === undefined ? '' : String(d.passRate.rate);
      kpi.textContent = t.passRate + ' ' + (d.passRate.rate === undefined ? '—' : Math.round(d.passRate.rate * 10000) / 100 + '%') + ' (' + d.passRate.passed + ' ' + t.passed + ', ' + d.passRate.failed + ' ' + t.failed + ')';
      $('pass-rate-kpis').appendChild(kpi);
      echarts.init($('pass-rate-chart'), null, { renderer: 'svg' }).setOption({
        tooltip: { trigger: 'axis' }, legend: { data: [t.passRate, t.target] },
        xAxis: { type: 'category', data: d.trend.map(function (m) { return m.month; }) },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: function (v) { return v * 100 + '%'; } } },
        series: [
          { name: t.passRate, type: 'bar', data: d.trend.map(function (m) { return m.passRate; }) },
          { name: t.target, type: 'line', symbol: 'none', data: d.trend.map(function () { return d.passRate.target; }) },
        ],
      });
      var kinds = {};
      d.cases.forEach(function (c) { kinds[c.kind] = (kinds[c.kind] || 0) + 1; });
      echarts.init($('case-kinds-chart'), null, { renderer: 'svg' }).setOption({
        tooltip: {}, xAxis: { type: 'category', data: Object.keys(kinds) }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: Object.keys(kinds).map(function (k) { return kinds[k]; }) }],
      });
      rows('samples-rows', d.samples, function (s) { return [s.sampleId, s.product, s.enterpriseId, s.verdict, s.failedItems.join(', ')]; }, 'sampleId');
      rows('cases-rows', d.cases, function (c) { return [c.caseNumber, c.subjectId, c.kind, c.decision, c.decidedAt.slice(0, 10)]; }, 'caseNumber');
      document.body.dataset.loaded = 'true';
    })
    .catch(function (error) { $('error').textContent = error.message; document.body.dataset.loaded = 'error'; });
})();
`;
