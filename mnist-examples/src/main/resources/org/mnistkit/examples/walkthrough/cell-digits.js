// mnistkit report: a click (or Enter) on a confusion cell lists that cell's test digits in #cell-digits.
(function () {
  'use strict';
  var panel = document.getElementById('cell-digits');
  if (!panel) {
    return;
  }
  function countsCell(cell) {
    if (cell.classList.contains('cm-cell')) {
      return cell;
    }
    return document.querySelector('td.cm-cell[data-model="' + cell.dataset.model + '"][data-pred="'
        + cell.dataset.pred + '"][data-truth="' + cell.dataset.truth + '"]');
  }
  function show(clicked) {
    var cell = countsCell(clicked);
    if (!cell) {
      return;
    }
    var items = (cell.dataset.digits || '').split(' ').filter(function (s) { return s.length > 0; });
    var count = parseInt(cell.dataset.count, 10);
    panel.textContent = '';
    var title = document.createElement('p');
    title.className = 'cell-title';
    title.textContent = cell.title + (items.length < count ? '; the ' + items.length
        + ' the model was surest of are shown' : '');
    panel.appendChild(title);
    items.forEach(function (item) {
      var parts = item.split('|');
      var figure = document.createElement('figure');
      figure.className = 'digit';
      var img = document.createElement('img');
      img.src = parts[0];
      img.alt = cell.title + ', this one with probability ' + parts[1];
      var caption = document.createElement('figcaption');
      caption.textContent = 'p ' + parts[1];
      figure.appendChild(img);
      figure.appendChild(caption);
      panel.appendChild(figure);
    });
    panel.dataset.model = cell.dataset.model;
    panel.dataset.pred = cell.dataset.pred;
    panel.dataset.truth = cell.dataset.truth;
    document.querySelectorAll('td.cm-selected').forEach(function (c) { c.classList.remove('cm-selected'); });
    clicked.classList.add('cm-selected');
    clicked.closest('.cm-pair').after(panel);
    panel.hidden = false;
  }
  document.addEventListener('click', function (e) {
    var cell = e.target.closest('td.cm-cell, td.cm-share');
    if (cell) {
      show(cell);
    }
  });
  document.addEventListener('keydown', function (e) {
    var cell = e.target.closest && e.target.closest('td.cm-cell, td.cm-share');
    if (cell && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(cell);
    }
  });
}());
