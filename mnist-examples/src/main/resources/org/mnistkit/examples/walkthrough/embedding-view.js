/*
 * mnistkit: the report's interactive embedding views, drawn with Apache ECharts (assets/echarts.min.js).
 * Every <div class="embedding" data-embedding="NAME"> gets a scatter of the data that
 * embedding/NAME.js registered in window.mnistkitEmbeddings (see EmbeddingData.java): zoom
 * (scroll, pinch or the box-zoom tool), pan (drag), a legend that hides and shows each class, and a
 * tooltip with the digit's image cut from its sprite sheet (see DigitSprites.java).
 * Draw order: each class is cut into SLICES slices in row order and the slices are drawn
 * interleaved (slice 0 of every class, then slice 1, ...), with the class order rotated per slice,
 * so that no class paints over all the others; the legend still toggles a class as a whole.
 * When a chart has drawn, its element gets data-rendered="true" (the browser test waits for it).
 */
(function () {
  'use strict';
  var SLICES = 10;
  var ZOOM = 3; // screen pixels per image pixel in the tooltip
  var all = window.mnistkitEmbeddings || {};

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  /* The digit of training row i: its sprite sheet seen through a box of one digit's size. */
  function digit(sp, i) {
    var k = Math.floor(i / sp.perSheet), j = i % sp.perSheet;
    var left = -(j % sp.columns) * sp.width * ZOOM, top = -Math.floor(j / sp.columns) * sp.height * ZOOM;
    return '<div class="digit" style="width:' + sp.width * ZOOM + 'px;height:' + sp.height * ZOOM
        + 'px;overflow:hidden;position:relative;background:#000;margin:0 auto 4px">'
        + '<img src="' + esc(sp.files[k]) + '" alt="training image ' + i + '" style="position:absolute;left:'
        + left + 'px;top:' + top + 'px;width:' + sp.columns * sp.width * ZOOM
        + 'px;max-width:none;border:0;image-rendering:pixelated"></div>';
  }

  function draw(el) {
    var name = el.getAttribute('data-embedding');
    var d = all[name];
    if (!d || typeof echarts === 'undefined') {
      el.textContent = 'The interactive view needs embedding/' + name + '.js and assets/echarts.min.js next to '
          + 'this page.';
      console.error('mnistkit: cannot draw embedding view ' + name);
      return;
    }
    var classes = d.classes.length, series = [], owner = [], counts = {}, total = 0;
    var size = d.n > 20000 ? 2.5 : d.n > 5000 ? 3 : 4;
    var opacity = d.n > 20000 ? 0.45 : d.n > 5000 ? 0.55 : 0.7; // dense clouds stay see-through
    for (var c = 0; c < classes; c++) {
      counts[d.classes[c]] = d.points[c].length / 3;
    }
    for (var s = 0; s < SLICES; s++) {
      for (var r = 0; r < classes; r++) {
        c = (r + 3 * s) % classes;
        var flat = d.points[c], m = flat.length / 3;
        var from = Math.floor(m * s / SLICES), to = Math.floor(m * (s + 1) / SLICES);
        if (to === from) {
          continue;
        }
        var data = new Array(to - from);
        for (var p = from; p < to; p++) {
          data[p - from] = [flat[3 * p], flat[3 * p + 1], flat[3 * p + 2]];
        }
        total += data.length;
        owner.push(c);
        series.push({
          type: 'scatter', name: d.classes[c], data: data, symbolSize: size,
          large: true, largeThreshold: 1, progressive: 5000, progressiveThreshold: 10000,
          itemStyle: {color: d.colours[c], opacity: opacity}
        });
      }
    }
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.on('finished', function () {
      el.setAttribute('data-rendered', 'true');
    });
    chart.setOption({
      animation: false,
      title: {text: d.title, left: 'center', textStyle: {fontSize: 15}},
      legend: {
        data: d.classes, top: 30, icon: 'circle', itemWidth: 14, itemHeight: 14, itemGap: 12,
        itemStyle: {opacity: 1}, // keys in the full colour, not the points' see-through one
        formatter: function (label) {
          return label + ' (' + counts[label] + ')';
        }
      },
      grid: {left: 70, right: 40, top: 80, bottom: 60},
      toolbox: {
        right: 20, feature: {
          dataZoom: {filterMode: 'none', title: {zoom: 'box zoom', back: 'undo zoom'}},
          restore: {title: 'reset'},
          saveAsImage: {title: 'save as PNG', pixelRatio: 2, name: 'mnistkit-' + name}
        }
      },
      dataZoom: [{type: 'inside', xAxisIndex: 0, filterMode: 'none'},
        {type: 'inside', yAxisIndex: 0, filterMode: 'none'}],
      tooltip: {
        trigger: 'item', confine: true, className: 'embedding-tip',
        formatter: function (p) {
          var i = p.data[2], label = owner[p.seriesIndex];
          var named = String(label) === d.classes[label] ? '' : ' (' + label + ')';
          return digit(d.sprites, i) + '<div style="text-align:center">label <b>' + esc(d.classes[label]) + '</b>'
              + named + '<br>training image ' + i + '</div>';
        }
      },
      xAxis: {type: 'value', name: d.x, nameLocation: 'middle', nameGap: 30, scale: true,
        axisLine: {onZero: false}, splitLine: {show: false}},
      yAxis: {type: 'value', name: d.y, nameLocation: 'middle', nameGap: 45, scale: true,
        axisLine: {onZero: false}, splitLine: {show: false}},
      series: series
    });
    el.setAttribute('data-points', String(total));
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  var views = document.querySelectorAll('div.embedding[data-embedding]');
  for (var v = 0; v < views.length; v++) {
    draw(views[v]);
  }
})();
