/*
 * The simulator's chart (issue 12): each party's yearly cost, a bar per party and year stacked by
 * cost pool, drawn with Chart.js from the JSON block the page carries. The same figures stand in the
 * table under the chart, which is the chart's text alternative; without JavaScript the table is all.
 */
(function () {
  'use strict';

  // a hue per pool, a shade per party (dark for the first, lighter for the next); each party is also its own bar
  var PALETTES = [
    ['#00557a', '#b35900', '#2e7d32'],
    ['#5fa8c9', '#e8a062', '#81c784'],
    ['#003049', '#7a3d00', '#1b5e20'],
    ['#a9d3e6', '#f3c99f', '#b9dfbb']
  ];

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
          backgroundColor: PALETTES[p % PALETTES.length][k % 3],
          borderColor: '#1b1b1b',
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
