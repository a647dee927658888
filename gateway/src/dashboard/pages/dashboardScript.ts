/**
 * The dashboard page's script, served as is from this gateway (plain browser JavaScript: no build step
 * for one page). It keeps the regulator's token in sessionStorage, so closing the tab signs out; it
 * draws with ECharts' SVG renderer, so each bar is an element a click (or a test) can reach.
 */
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('page-data').textContent);
  var t = page.text;
  var TOKEN = 'traceledger.regulatorToken';
  var charts = {};
  var state = { region: '', period: '' };
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), accept: 'application/json' } }).then(function (answer) {
      return answer.json().then(function (body) {
        if (answer.status === 401 || answer.status === 403) {
          var refused = new Error(body.detail || t.refused);
          refused.status = answer.status;
          throw refused;
        }
        if (!answer.ok) throw new Error(body.detail || answer.statusText);
        return body;
      });
    });
  }
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'svg' });
    return charts[id];
  }
  function pct(rate) { return rate === null || rate === undefined ? '—' : (Math.round(rate * 10000) / 100) + '%'; }
  function kpi(container, name, label, value, drill) {
    var tile = document.createElement(drill ? 'button' : 'span');
    tile.className = 'kpi';
    tile.dataset.kpi = name;
    tile.dataset.value = String(value === null || value === undefined ? '' : value);
    tile.innerHTML = '';
    tile.appendChild(document.createTextNode(label + ' '));
    var b = document.createElement('b');
    b.textContent = typeof value === 'number' && name.indexOf('Rate') >= 0 ? pct(value) : String(value === null ? '—' : value);
    tile.appendChild(b);
    if (drill) { tile.type = 'button'; tile.addEventListener('click', drill); }
    $(container).appendChild(tile);
  }
  function showError(error) {
    $('error').textContent = error.message;
    if (error.status === 401 || (error.status === 403 && !state.loaded)) {
      sessionStorage.removeItem(TOKEN);
      $('dashboard').classList.add('hidden');
      $('sign-in').classList.remove('hidden');
    }
  }

  function drill(figure, month, kind) {
    var query = new URLSearchParams({ figure: figure, period: month || state.period });
    if (state.region) query.set('region', state.region);
    if (kind) query.set('kind', kind);
    $('records-title').textContent = (kind ? (t.kinds[kind] || kind) : (t[figure] || figure)) + ' · ' + (month || state.period);
    $('records').dataset.figure = figure + (kind ? ':' + kind : '');
    $('records').dataset.loaded = 'false';
    return api('/regulator/dashboard/records?' + query).then(function (answer) {
      var rows = $('records-rows');
      rows.innerHTML = '';
      $('records-note').textContent = answer.records.length === 0 ? t.noRecords : (answer.truncated ? t.truncated : '');
      answer.records.forEach(function (record) {
        var row = document.createElement('tr');
        var id = record.sampleId || (record.subjectId + '|' + record.clueId);
        row.dataset.recordId = id;
        var cells = record.sampleId
          ? [record.sampleId, record.product.name, record.enterpriseId, record.verdict, record.finalizedAt || '']
          : [record.clueId, record.subjectId, (record.alert && record.alert.kind) || record.category || '', record.status, record.filedAt];
        cells.forEach(function (cell) { var td = document.createElement('td'); td.textContent = cell; row.appendChild(td); });
        rows.appendChild(row);
      });
      $('records').dataset.loaded = 'true';
      $('records').scrollIntoView();
    }).catch(showError);
  }

  function draw(figures) {
    ['sampling-kpis', 'clues-kpis', 'alerts-kpis', 'elevators-kpis', 'recalls-kpis'].forEach(function (id) { $(id).innerHTML = ''; });
    var months = figures.trend.map(function (m) { return m.month; });
    var s = figures.sampling;
    kpi('sampling-kpis', 'passRate', t.passRate, s.rate === undefined ? null : s.rate, function () { drill('samples'); });
    kpi('sampling-kpis', 'passed', t.passed, s.passed);
    kpi('sampling-kpis', 'failed', t.failed, s.failed);
    chart('sampling-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t.passRate, t.target] },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: function (v) { return v * 100 + '%'; } } },
      series: [
        { name: t.passRate, type: 'bar', data: figures.trend.map(function (m) { return m.passRate; }) },
        { name: t.target, type: 'line', symbol: 'none', data: months.map(function () { return s.target; }) },
      ],
    }, true);
    var c = figures.clues;
    kpi('clues-kpis', 'raised', t.raised, c.raised, function () { drill('raised'); });
    kpi('clues-kpis', 'closed', t.closed, c.closed, function () { drill('closed'); });
    kpi('clues-kpis', 'overdue', t.overdue, c.overdue, function () { drill('overdue'); });
    kpi('clues-kpis', 'closureRate', t.closureRate, c.closureRate);
    chart('clues-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t.raised, t.closed, t.overdue] },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
      series: [['raised', t.raised], ['closed', t.closed], ['overdue', t.overdue]].map(function (pair) {
        return { id: pair[0], name: pair[1], type: 'bar', data: figures.trend.map(function (m) { return m[pair[0]]; }) };
      }),
    }, true);
    var kinds = Object.keys(figures.alerts);
    kinds.forEach(function (kind) { kpi('alerts-kpis', 'kind:' + kind, t.kinds[kind] || kind, figures.alerts[kind], function () { drill('kind', null, kind); }); });
    chart('alerts-chart').setOption({
      tooltip: {}, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: kinds.map(function (k) { return t.kinds[k] || k; }) },
      series: [{ id: 'alerts', type: 'bar', data: kinds.map(function (k) { return { value: figures.alerts[k], kind: k }; }) }],
    }, true);
    var e = figures.elevators;
    kpi('elevators-kpis', 'lifts', t.lifts, e.lifts);
    kpi('elevators-kpis', 'overdueRate', t.overdueRate, e.overdueRate, function () { drill('kind', null, 'maintenanceOverdue'); });
    kpi('elevators-kpis', 'accidents', t.accidents, e.accidents);
    kpi('elevators-kpis', 'accidentsPer10k', t.per10k, e.accidentsPer10k);
    chart('elevators-chart').setOption({
      tooltip: {}, xAxis: { type: 'category', data: [t.overdueRate, t.per10k] }, yAxis: { type: 'value' },
      series: [{ id: 'elevators', type: 'bar', data: [e.overdueRate === null ? 0 : e.overdueRate, e.accidentsPer10k] }],
    }, true);
    var r = figures.recalls;
    kpi('recalls-kpis', 'openRecalls', t.recalls, r.open);
    r.items.forEach(function (recall) {
      var link = document.createElement('a');
      link.className = 'kpi';
      link.dataset.recallId = recall.recallId;
      link.href = '/regulator/pages/trace?recallId=' + encodeURIComponent(recall.recallId) + '&lang=' + page.lang;
      link.textContent = recall.recallId + ' · ' + recall.acknowledged + '/' + recall.holders + ' ' + t.acknowledged;
      $('recalls-kpis').appendChild(link);
    });
    chart('recalls-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t.acknowledged, t.reported, t.overdue] },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: r.items.map(function (x) { return x.recallId; }) },
      series: [['acknowledged', t.acknowledged], ['reported', t.reported], ['overdue', t.overdue]].map(function (pair) {
        return { name: pair[1], type: 'bar', data: r.items.map(function (x) { return x[pair[0]]; }) };
      }),
    }, true);
    $('dashboard').dataset.loaded = 'true';
  }

  function bindClicks() {
    chart('sampling-chart').on('click', function (event) { drill('samples', event.name); });
    chart('clues-chart').on('click', function (event) { drill(event.seriesId, event.name); });
    chart('alerts-chart').on('click', function (event) { drill('kind', null, event.data.kind); });
    chart('elevators-chart').on('click', function () { drill('kind', null, 'maintenanceOverdue'); });
    chart('recalls-chart').on('click', function (event) { location.href = '/regulator/pages/trace?recallId=' + encodeURIComponent(event.name) + '&lang=' + page.lang; });
  }

  function load() {
    var query = new URLSearchParams();
    if (state.region) query.set('region', state.region);
    if (state.period) query.set('period', state.period);
    $('dashboard').dataset.loaded = 'false';
    return api('/regulator/dashboard?' + query).then(function (figures) {
      state.loaded = true;
      state.region = figures.region;
      state.period = figures.period;
      $('region').value = figures.region;
      $('period').value = figures.period;
      $('error').textContent = '';
      $('sign-in').classList.add('hidden');
      $('dashboard').classList.remove('hidden');
      draw(figures);
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    }).catch(showError);
  }

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    $('token').value = '';
    load();
  });
  $('filters').addEventListener('submit', function (event) {
    event.preventDefault();
    state.region = $('region').value.trim();
    state.period = $('period').value;
    load();
  });
  $('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN);
    location.reload();
  });
  state.region = params.get('region') || '';
  state.period = params.get('period') || '';
  // Charts are made while their containers are visible, once; their click handlers are bound then.
  $('dashboard').classList.remove('hidden');
  bindClicks();
  $('dashboard').classList.add('hidden');
  if (sessionStorage.getItem(TOKEN)) load(); else $('sign-in').classList.remove('hidden');
})();
`;
