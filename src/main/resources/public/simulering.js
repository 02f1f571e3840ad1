/*
 * The simulator's chart (issue 12): each party's yearly cost, a bar per party and year stacked by
 * cost pool, drawn with Chart.js from the JSON block the page carries. The same figures stand in the
 * table under the chart, which is the chart's text alternative; without JavaScript the table is all.
 */
(function () {
  'use strict';

  // one colour per pool, distinguishable and with enough contrast against white; parties differ by bar position and border
  var POOL_COLOURS = ['#00557a', '#b35900', '#2e7d32', '#6a1b9a', '#8a5a00'];
  var PARTY_BORDERS = ['#1b1b1b', '#4a4a4a', '#767676', '#000000'];

  function draw() {
    var data = document.getElementById('simulering-diagramdata');
    var canvas = document.getElementById('simulering-diagram');
    if (!data || !canvas || typeof window.Chart === 'undefined') {
      return;
    }
    var chart = JSON.parse(data.textContent);
    var datasets = [];
    chart.parties.forEach(function (party, p) {
      chart.pools.forEach(function (pool, k) {
        datasets.push({
          label: party.name + ' – ' + pool,
          data: party.pools[k].map(Number),
          stack: 'part-' + p,
          backgroundColor: POOL_COLOURS[k % POOL_COLOURS.length],
          borderColor: PARTY_BORDERS[p % PARTY_BORDERS.length],
          borderWidth: 1
        });
      });
    });
    var kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: chart.years, datasets: datasets },
      options: {
        responsive: true,
        animation: false,
        scales: {
          x: { stacked: true, title: { display: true, text: 'År (en stapel per part)' } },
          y: { stacked: true, title: { display: true, text: 'Kostnad (kr)' },
               ticks: { callback: function (v) { return kronor.format(v); } } }
        },
        plugins: {
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + kronor.format(c.parsed.y); } } },
          legend: { position: 'bottom' }
        }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
