/**
 * The trace graph page's script, served as is: reads the graph with the token the dashboard kept in
 * sessionStorage and draws it with ECharts' graph series (force layout); the recall's impact is red,
 * affected holders orange (green once acknowledged). The nodes are listed beneath for reading and tests.
 */
export const TRACE_GRAPH_SCRIPT = String.raw`(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('page-data').textContent);
  var t = page.text;
  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem('traceledger.regulatorToken');
  if (!token) { $('error').textContent = t.notSignedIn; return; }
  var query = page.recallId ? 'recallId=' + encodeURIComponent(page.recallId) : 'lotId=' + encodeURIComponent(page.lotId || '');
  $('trace-subject').textContent = page.recallId || page.lotId || '';
  var categories = [t.lot, t.batch, t.enterprise, t.impacted];
  function categoryOf(node) { return node.impacted && node.kind !== 'enterprise' ? 3 : ({ lot: 0, batch: 1, enterprise: 2 })[node.kind]; }
  function colourOf(node) {
    if (node.kind === 'enterprise') return node.impacted ? (node.acknowledged ? '#2e7d32' : '#ef6c00') : '#78909c';
    return node.impacted ? '#c62828' : node.kind === 'batch' ? '#6a1b9a' : '#1565c0';
  }
  fetch('/regulator/trace-graph?' + query, { headers: { authorization: 'Bearer ' + token, accept: 'application/json' } })
    .then(function (answer) { return answer.json().then(function (body) { if (!answer.ok) throw new Error(body.detail || answer.statusText); return body; }); })
    .then(function (graph) {
      var chart = echarts.init($('trace-chart'), null, { renderer: 'svg' });
      chart.setOption({
        tooltip: {},
        legend: [{ data: categories }],
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true, zoom: 1.5, force: { repulsion: 600, edgeLength: [120, 220] },
          edgeSymbol: ['none', 'arrow'], label: { show: true, position: 'right', formatter: function (p) { return p.data.short; } },
          categories: categories.map(function (name, i) { return { name: name, itemStyle: { color: ['#1565c0', '#6a1b9a', '#78909c', '#c62828'][i] } }; }),
          data: graph.nodes.map(function (node) {
            return { id: node.id, name: node.id, short: node.id.split('/').pop(), category: categoryOf(node), symbolSize: node.kind === 'enterprise' ? 16 : 26, itemStyle: { color: colourOf(node) } };
          }),
          links: graph.links.map(function (link) {
            return { source: link.source, target: link.target, lineStyle: { type: link.kind === 'custody' ? 'dashed' : 'solid' }, label: { show: link.kind !== 'custody', formatter: link.kind } };
          }),
        }],
      });
      var rows = $('trace-nodes');
      graph.nodes.forEach(function (node) {
        var row = document.createElement('tr');
        row.dataset.nodeId = node.id;
        row.dataset.kind = node.kind;
        row.dataset.impacted = String(node.impacted);
        [node.id, t[node.kind] || node.kind, node.impacted ? t.impacted : '', node.depth === undefined ? '' : String(node.depth)].forEach(function (cell) {
          var td = document.createElement('td'); td.textContent = cell; row.appendChild(td);
        });
        rows.appendChild(row);
      });
      document.body.dataset.loaded = 'true';
    })
    .catch(function (error) { $('error').textContent = error.message; document.body.dataset.loaded = 'error'; });
})();
`;
