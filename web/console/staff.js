// The staff dashboard: the report for a date range as figures, charts and tables, unanswered
// questions (which staff can add as phrasings of an entry), and erasing one conversation.
// Everything the server sent (messages people typed, entry names, chart labels) is put on the page
// with textContent, never as HTML, so it always shows as plain text. Charts are drawn by chart.js,
// served from this site; each chart has a table with the same figures.
(function () {
  'use strict';

  var kit = window.ConsoleKit;
  var uniqueId = kit.uniqueId;
  var el = kit.el;
  var visuallyHidden = kit.visuallyHidden;
  var clear = kit.clear;
  var timeElement = kit.timeElement;
  var say = kit.say;
  var setFieldError = kit.setFieldError;

  function api(method, path, body) {
    return kit.request(method, path, body, goToLogin);
  }

  var API = '/api/staff';
  var LOGIN_PAGE = '/console/login';
  var LOGIN_AND_RETURN = '/console/login?next=/console/staff';
  var DEFAULT_DAYS = 30;
  var UK = 'Europe/London';
  var MAX_CHART_ROWS = 15;

  var COLOURS = {
    blue: '#1d70b8',
    green: '#00703c',
    grey: '#505a5f',
    text: '#0b0c0c',
    grid: '#d9dcdd',
  };
  var WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var page = {
    name: $('staff-name'),
    pages: $('console-pages'),
    signOut: $('sign-out'),
    nav: $('console-nav'),
    loading: $('loading'),
    problem: $('problem'),
    problemTitle: $('problem-title'),
    problemMessage: $('problem-message'),
    notice: $('notice'),
    dashboard: $('dashboard'),
    rangeForm: $('range-form'),
    rangeFrom: $('range-from'),
    rangeTo: $('range-to'),
    rangeApply: $('range-apply'),
    rangeError: $('range-error'),
    rangeShown: $('range-shown'),
    totals: $('totals'),
    perDayChart: $('per-day-chart'),
    perDayBody: document.querySelector('#per-day-table tbody'),
    demandChart: $('demand-chart'),
    demandHours: $('demand-hours'),
    demandBody: document.querySelector('#demand-table tbody'),
    demandFoot: document.querySelector('#demand-table tfoot'),
    entriesEmpty: $('entries-empty'),
    entriesBlock: $('entries-block'),
    entriesChartBox: $('entries-chart-box'),
    entriesChart: $('entries-chart'),
    entriesBody: document.querySelector('#entries-table tbody'),
    topicsEmpty: $('topics-empty'),
    topicsBlock: $('topics-block'),
    topicsChartBox: $('topics-chart-box'),
    topicsChart: $('topics-chart'),
    topicsBody: document.querySelector('#topics-table tbody'),
    helpfulEmpty: $('helpful-empty'),
    helpfulBlock: $('helpful-block'),
    helpfulChartBox: $('helpful-chart-box'),
    helpfulChart: $('helpful-chart'),
    helpfulBody: document.querySelector('#helpful-table tbody'),
    funnels: $('funnels'),
    funnelsEmpty: $('funnels-empty'),
    unanswered: $('unanswered'),
    unansweredEmpty: $('unanswered-empty'),
    acceptedEmpty: $('accepted-empty'),
    acceptedWrap: $('accepted-wrap'),
    acceptedBody: document.querySelector('#accepted-table tbody'),
    eraseForm: $('erase-form'),
    eraseId: $('erase-id'),
    eraseIdError: $('erase-id-error'),
    eraseConfirm: $('erase-confirm'),
    eraseConfirmTitle: $('erase-confirm-title'),
    eraseConfirmId: $('erase-confirm-id'),
    eraseAgain: $('erase-again'),
    eraseAgainError: $('erase-again-error'),
    eraseSubmit: $('erase-submit'),
    eraseCancel: $('erase-cancel'),
    eraseResult: $('erase-result'),
  };

  var state = {
    range: null,
    entries: [],
    entryById: new Map(),
    charts: new Map(),
    chartsMissingShown: false,
    loading: false,
    leaving: false,
    erasing: false,
  };


  // ---- Small helpers -------------------------------------------------------------------------





  var problem = kit.problemBox(page.problem, page.problemTitle, page.problemMessage);
  var showProblem = problem.show;
  var clearProblem = problem.clear;


  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function number(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-GB') : '—';
  }

  /** 0.667 → "66.7%"; null (nothing to measure) → "—". */
  function percent(rate) {
    if (typeof rate !== 'number' || !Number.isFinite(rate)) return '—';
    return Math.round(rate * 1000) / 10 + '%';
  }

  function ratio(part, whole) {
    return whole > 0 ? part / whole : null;
  }

  /** 95 → "1 min 35 sec"; null (nobody was connected) → "—". */
  function duration(seconds) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
    var total = Math.round(seconds);
    var minutes = Math.floor(total / 60);
    var rest = total % 60;
    if (minutes === 0) return rest + ' sec';
    return minutes + ' min' + (rest ? ' ' + rest + ' sec' : '');
  }

  // Days are YYYY-MM-DD UK dates; they are handled as UTC midnights so no time zone can shift them.
  var dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  var longDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  var dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: UK });

  function dayValue(iso) {
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(iso + 'T00:00:00Z') : NaN;
  }

  function formatDay(iso) {
    var at = dayValue(iso);
    return Number.isFinite(at) ? dayFormat.format(at) : String(iso);
  }

  function formatLongDay(iso) {
    var at = dayValue(iso);
    return Number.isFinite(at) ? longDayFormat.format(at) : String(iso);
  }

  function formatDateTime(iso) {
    var at = Date.parse(iso);
    return Number.isFinite(at) ? dateTimeFormat.format(at) : '';
  }

  function addDays(iso, days) {
    return new Date(dayValue(iso) + days * 86400000).toISOString().slice(0, 10);
  }

  /** Today in the UK, as YYYY-MM-DD, whatever this computer's time zone. */
  function ukToday() {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: UK })
      .formatToParts(new Date())
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + '-' + parts.month + '-' + parts.day;
  }

  function hourLabel(hour) {
    return (hour < 10 ? '0' : '') + hour + ':00';
  }

  function entryTitle(id) {
    var entry = state.entryById.get(id);
    return entry ? entry.title : id;
  }


  // ---- Talking to the server -----------------------------------------------------------------

  function goToLogin() {
    if (state.leaving) return;
    state.leaving = true;
    window.location.assign(LOGIN_AND_RETURN);
  }


  function rangeQuery(range) {
    return '?from=' + encodeURIComponent(range.from) + '&to=' + encodeURIComponent(range.to);
  }

  kit.wireSignOut(page.signOut, LOGIN_PAGE, function () {
    state.leaving = true;
  }, showProblem);

  // ---- Charts --------------------------------------------------------------------------------

  function chartLibrary() {
    var Chart = window.Chart;
    if (typeof Chart === 'function') return Chart;
    if (!state.chartsMissingShown) {
      state.chartsMissingShown = true;
      showProblem('The charts could not be drawn. The tables show the same figures.', 'Charts unavailable');
    }
    return null;
  }

  /** Draws (or redraws) the chart on a canvas; `summary` becomes its accessible name. */
  function drawChart(canvas, summary, config) {
    canvas.setAttribute('aria-label', summary);
    var old = state.charts.get(canvas.id);
    if (old) old.destroy();
    state.charts.delete(canvas.id);
    var Chart = chartLibrary();
    if (!Chart) return;
    var options = config.options || {};
    options.animation = false;
    options.responsive = true;
    options.maintainAspectRatio = false;
    config.options = options;
    state.charts.set(canvas.id, new Chart(canvas, config));
  }

  function countScale(title) {
    return {
      beginAtZero: true,
      ticks: { precision: 0 },
      grid: { color: COLOURS.grid },
      title: { display: Boolean(title), text: title || '' },
    };
  }

  function categoryScale(title) {
    return { grid: { display: false }, title: { display: Boolean(title), text: title || '' } };
  }

  /** Horizontal bars grow with the number of rows (classes, not inline styles: the CSP allows none). */
  function sizeBarBox(box, rows) {
    box.classList.remove('chart--rows-s', 'chart--rows-m', 'chart--rows-l');
    box.classList.add(rows <= 5 ? 'chart--rows-s' : rows <= 10 ? 'chart--rows-m' : 'chart--rows-l');
  }

  // ---- Tables --------------------------------------------------------------------------------

  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (cell) {
      tr.appendChild(cell);
    });
    return tr;
  }

  function th(text, className) {
    var cell = el('th', className || '', text);
    cell.scope = 'row';
    return cell;
  }

  function td(text, className) {
    return el('td', className || '', text);
  }

  function numberCell(value) {
    return td(number(value), 'table__number');
  }

  function entryCell(id, tag) {
    var cell = el(tag || 'td');
    if (tag === 'th') cell.scope = 'row';
    cell.appendChild(el('span', 'table__line', entryTitle(id)));
    if (state.entryById.has(id)) cell.appendChild(el('span', 'table__line hint table__id', id));
    return cell;
  }

  function fill(tbody, rows) {
    clear(tbody);
    rows.forEach(function (tr) {
      tbody.appendChild(tr);
    });
  }

  // ---- Rendering the report ------------------------------------------------------------------

  var FIGURES = [
    { key: 'conversations', label: 'Conversations', show: number },
    { key: 'messages', label: 'Messages', show: number },
    { key: 'answeredRate', label: 'Answered', show: percent },
    { key: 'clarifiedRate', label: 'Clarified (“Did you mean…”)', show: percent },
    { key: 'fallbackRate', label: 'Fallback (not understood)', show: percent },
    { key: 'crisisSignposts', label: 'Crisis signposts', show: number },
    { key: 'handoffsRequested', label: 'Hand-offs requested', show: number },
    { key: 'handoffsConnected', label: 'Hand-offs connected', show: number },
    { key: 'callbackRequests', label: 'Callback requests', show: number },
    { key: 'medianQueueWaitSeconds', label: 'Median queue wait', show: duration },
    { key: 'helpfulRate', label: 'Helpful rate', show: percent },
    { key: 'quickExits', label: 'Quick Exits', show: number },
  ];

  function renderTotals(totals) {
    clear(page.totals);
    FIGURES.forEach(function (figure) {
      var group = el('div', 'figure');
      group.dataset.measure = figure.key;
      group.appendChild(el('dt', 'figure__label', figure.label));
      group.appendChild(el('dd', 'figure__value', figure.show(totals[figure.key])));
      page.totals.appendChild(group);
    });
  }

  function renderPerDay(days, range) {
    fill(
      page.perDayBody,
      days.map(function (d) {
        var day = th('');
        day.appendChild(timeElement(d.day, formatDay(d.day)));
        return row([day, numberCell(d.conversations)]);
      }),
    );
    var total = 0;
    var busiest = null;
    days.forEach(function (d) {
      total += d.conversations;
      if (!busiest || d.conversations > busiest.conversations) busiest = d;
    });
    var summary =
      'Bar chart of conversations per day, ' + formatLongDay(range.from) + ' to ' + formatLongDay(range.to) + '. ' +
      (busiest && busiest.conversations > 0
        ? 'The busiest day was ' + formatDay(busiest.day) + ' with ' + plural(busiest.conversations, 'conversation', 'conversations') + '.'
        : 'There were no conversations.');
    drawChart(page.perDayChart, summary, {
      type: 'bar',
      data: {
        labels: days.map(function (d) {
          return formatDay(d.day);
        }),
        datasets: [{ label: 'Conversations', data: days.map(function (d) { return d.conversations; }), backgroundColor: COLOURS.blue }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { x: categoryScale('Day'), y: countScale('Conversations') },
      },
    });
  }

  function heatLevel(messages, max) {
    if (messages <= 0 || max <= 0) return 0;
    return Math.min(4, Math.ceil((messages / max) * 4));
  }

  function renderDemand(cells) {
    var grid = WEEKDAYS.map(function () {
      return [];
    });
    var openByHour = [];
    var closedByHour = [];
    var max = 0;
    for (var hour = 0; hour < 24; hour += 1) {
      openByHour.push(0);
      closedByHour.push(0);
    }
    cells.forEach(function (c) {
      if (c.weekday < 1 || c.weekday > 7 || c.hour < 0 || c.hour > 23) return;
      grid[c.weekday - 1][c.hour] = c;
      if (c.helplineOpen) openByHour[c.hour] += c.messages;
      else closedByHour[c.hour] += c.messages;
      max = Math.max(max, c.messages);
    });

    // Header: Weekday, 00 … 23, Total.
    while (page.demandHours.children.length > 1) page.demandHours.removeChild(page.demandHours.lastChild);
    for (var h = 0; h < 24; h += 1) {
      var head = el('th', 'table__number', (h < 10 ? '0' : '') + h);
      head.scope = 'col';
      head.appendChild(visuallyHidden(':00'));
      page.demandHours.appendChild(head);
    }
    var totalHead = el('th', 'table__number', 'Total');
    totalHead.scope = 'col';
    page.demandHours.appendChild(totalHead);

    fill(
      page.demandBody,
      WEEKDAYS.map(function (name, index) {
        var tr = row([th(name)]);
        var dayTotal = 0;
        for (var hr = 0; hr < 24; hr += 1) {
          var c = grid[index][hr] || { messages: 0, helplineOpen: false };
          dayTotal += c.messages;
          var cell = td(String(c.messages), 'table__number heat heat--' + heatLevel(c.messages, max) + (c.helplineOpen ? ' heat--open' : ''));
          if (c.helplineOpen) cell.appendChild(visuallyHidden(' (helpline open)'));
          tr.appendChild(cell);
        }
        tr.appendChild(numberCell(dayTotal));
        return tr;
      }),
    );

    clear(page.demandFoot);
    var foot = row([th('All days')]);
    var all = 0;
    for (var x = 0; x < 24; x += 1) {
      all += openByHour[x] + closedByHour[x];
      foot.appendChild(numberCell(openByHour[x] + closedByHour[x]));
    }
    foot.appendChild(numberCell(all));
    page.demandFoot.appendChild(foot);

    var openTotal = openByHour.reduce(function (a, b) { return a + b; }, 0);
    var busiestHour = 0;
    for (var y = 1; y < 24; y += 1) {
      if (openByHour[y] + closedByHour[y] > openByHour[busiestHour] + closedByHour[busiestHour]) busiestHour = y;
    }
    var summary =
      'Stacked bar chart of messages by hour of the day, UK time: ' + plural(all, 'message', 'messages') + ', ' +
      number(openTotal) + ' while the helpline was open and ' + number(all - openTotal) + ' while it was closed.' +
      (all > 0 ? ' The busiest hour was ' + hourLabel(busiestHour) + ' to ' + hourLabel((busiestHour + 1) % 24) + '.' : '');
    var labels = [];
    for (var z = 0; z < 24; z += 1) labels.push(hourLabel(z));
    drawChart(page.demandChart, summary, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: 'While the helpline is open', data: openByHour, backgroundColor: COLOURS.green },
          { label: 'While the helpline is closed', data: closedByHour, backgroundColor: COLOURS.grey },
        ],
      },
      options: {
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { x: Object.assign(categoryScale('Hour of the day (UK time)'), { stacked: true }), y: Object.assign(countScale('Messages'), { stacked: true }) },
      },
    });
  }

  /** A horizontal bar chart (the first MAX_CHART_ROWS rows), or the "nothing" hint when empty. */
  function horizontalBars(options) {
    options.empty.hidden = options.rows.length > 0;
    options.block.hidden = options.rows.length === 0;
    if (options.rows.length === 0) {
      drawChart(options.canvas, options.emptySummary, { type: 'bar', data: { labels: [], datasets: [] } });
      return;
    }
    var shown = options.rows.slice(0, MAX_CHART_ROWS);
    sizeBarBox(options.box, shown.length);
    drawChart(options.canvas, options.summary, {
      type: 'bar',
      data: {
        labels: shown.map(options.label),
        datasets: [{ label: options.valueName, data: shown.map(options.value), backgroundColor: options.colour }],
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: function (items) { return items.length ? options.title(shown[items[0].dataIndex]) : ''; } } },
        },
        scales: { x: options.scale, y: categoryScale('') },
      },
    });
  }

  function renderTopEntries(entries) {
    fill(
      page.entriesBody,
      entries.map(function (e) {
        return row([entryCell(e.entryId, 'th'), td(e.topic), numberCell(e.answers)]);
      }),
    );
    var top = entries[0];
    horizontalBars({
      rows: entries,
      empty: page.entriesEmpty,
      block: page.entriesBlock,
      box: page.entriesChartBox,
      canvas: page.entriesChart,
      emptySummary: 'Horizontal bar chart of the most-used entries: no answers in this period.',
      summary: top
        ? 'Horizontal bar chart of the ' + plural(Math.min(entries.length, MAX_CHART_ROWS), 'entry', 'entries') + ' the bot answered with most. The most used was ' +
          entryTitle(top.entryId) + ', with ' + plural(top.answers, 'answer', 'answers') + '.'
        : '',
      label: function (e) { return e.entryId; },
      title: function (e) { return entryTitle(e.entryId); },
      value: function (e) { return e.answers; },
      valueName: 'Answers',
      colour: COLOURS.blue,
      scale: countScale('Answers'),
    });
  }

  function renderTopTopics(topics) {
    fill(
      page.topicsBody,
      topics.map(function (t) {
        return row([th(t.topic), numberCell(t.answers)]);
      }),
    );
    var top = topics[0];
    horizontalBars({
      rows: topics,
      empty: page.topicsEmpty,
      block: page.topicsBlock,
      box: page.topicsChartBox,
      canvas: page.topicsChart,
      emptySummary: 'Horizontal bar chart of answers by topic: no answers in this period.',
      summary: top
        ? 'Horizontal bar chart of answers by topic, ' + plural(topics.length, 'topic', 'topics') + '. The most asked about was ' + top.topic + ', with ' + plural(top.answers, 'answer', 'answers') + '.'
        : '',
      label: function (t) { return t.topic; },
      title: function (t) { return t.topic; },
      value: function (t) { return t.answers; },
      valueName: 'Answers',
      colour: COLOURS.blue,
      scale: countScale('Answers'),
    });
  }

  function renderHelpful(rows) {
    fill(
      page.helpfulBody,
      rows.map(function (e) {
        return row([entryCell(e.entryId, 'th'), numberCell(e.yes), numberCell(e.no), td(percent(e.helpfulRate), 'table__number')]);
      }),
    );
    horizontalBars({
      rows: rows,
      empty: page.helpfulEmpty,
      block: page.helpfulBlock,
      box: page.helpfulChartBox,
      canvas: page.helpfulChart,
      emptySummary: 'Horizontal bar chart of the helpful rate per entry: nobody answered in this period.',
      summary:
        'Horizontal bar chart of the helpful rate per entry, for the ' + plural(Math.min(rows.length, MAX_CHART_ROWS), 'entry', 'entries') + ' with most answers: ' +
        rows
          .slice(0, MAX_CHART_ROWS)
          .map(function (e) {
            return e.entryId + ' ' + percent(e.helpfulRate);
          })
          .join(', ') + '.',
      label: function (e) { return e.entryId; },
      title: function (e) { return entryTitle(e.entryId) + ' (' + e.yes + ' yes, ' + e.no + ' no)'; },
      value: function (e) { return Math.round(e.helpfulRate * 1000) / 10; },
      valueName: 'Helpful rate (%)',
      colour: COLOURS.green,
      scale: { beginAtZero: true, max: 100, grid: { color: COLOURS.grid }, title: { display: true, text: 'Helpful rate (%)' } },
    });
  }

  function renderFunnels(funnels) {
    state.charts.forEach(function (chart, id) {
      if (id.indexOf('funnel-chart-') === 0) {
        chart.destroy();
        state.charts.delete(id);
      }
    });
    clear(page.funnels);
    page.funnelsEmpty.hidden = funnels.length > 0;
    funnels.forEach(function (funnel, index) {
      var stages = [{ name: 'Started', count: funnel.started }]
        .concat(
          (Array.isArray(funnel.steps) ? funnel.steps : []).map(function (s) {
            return { name: 'Question: ' + s.step, count: s.reached };
          }),
        )
        .concat([{ name: 'Completed', count: funnel.completed }]);

      var section = el('section', 'funnel');
      var headingId = uniqueId('funnel-heading');
      section.setAttribute('aria-labelledby', headingId);
      var heading = el('h3', 'funnel__title', funnel.dialog);
      heading.id = headingId;
      section.appendChild(heading);
      section.appendChild(
        el(
          'p',
          'hint',
          plural(funnel.started, 'person', 'people') + ' started, ' + number(funnel.completed) + ' completed (' + percent(ratio(funnel.completed, funnel.started)) + ').',
        ),
      );

      var blockEl = el('div', 'chart-block');
      var chartSide = el('div', 'chart-block__chart');
      var box = el('div', 'chart chart--funnel');
      var canvas = el('canvas');
      canvas.id = 'funnel-chart-' + index;
      canvas.setAttribute('role', 'img');
      canvas.textContent = 'The table shows the same figures.';
      box.appendChild(canvas);
      chartSide.appendChild(box);
      blockEl.appendChild(chartSide);

      var tableSide = el('div', 'chart-block__table');
      var wrap = el('div', 'table-wrap');
      var captionId = uniqueId('funnel-caption');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-labelledby', captionId);
      wrap.tabIndex = 0;
      var table = el('table', 'table table--compact funnel__table');
      var caption = el('caption', 'table__caption', 'Where people stopped in the ' + funnel.dialog + ' guided conversation');
      caption.id = captionId;
      table.appendChild(caption);
      var thead = el('thead');
      var headRow = el('tr');
      ['Stage', 'People', 'Of those who started', 'Kept from the stage before', 'Stopped before this stage'].forEach(function (label, i) {
        var cell = el('th', i === 0 ? '' : 'table__number', label);
        cell.scope = 'col';
        headRow.appendChild(cell);
      });
      thead.appendChild(headRow);
      table.appendChild(thead);
      var tbody = el('tbody');
      var biggestDrop = null;
      stages.forEach(function (stage, i) {
        var before = i === 0 ? null : stages[i - 1].count;
        var lost = before === null ? null : Math.max(0, before - stage.count);
        if (lost && (!biggestDrop || lost > biggestDrop.lost)) biggestDrop = { lost: lost, from: stages[i - 1].name, to: stage.name };
        tbody.appendChild(
          row([
            th(stage.name),
            numberCell(stage.count),
            td(percent(ratio(stage.count, funnel.started)), 'table__number'),
            td(before === null ? '—' : percent(ratio(stage.count, before)), 'table__number'),
            td(lost === null ? '—' : number(lost), 'table__number'),
          ]),
        );
      });
      table.appendChild(tbody);
      wrap.appendChild(table);
      tableSide.appendChild(wrap);
      blockEl.appendChild(tableSide);
      section.appendChild(blockEl);
      page.funnels.appendChild(section);

      var summary =
        'Bar chart of the ' + funnel.dialog + ' guided conversation: ' + plural(funnel.started, 'person', 'people') + ' started and ' +
        number(funnel.completed) + ' completed.' +
        (biggestDrop ? ' Most people stopped between ' + biggestDrop.from + ' and ' + biggestDrop.to + ' (' + plural(biggestDrop.lost, 'person', 'people') + ').' : '');
      drawChart(canvas, summary, {
        type: 'bar',
        data: {
          labels: stages.map(function (s) { return s.name; }),
          datasets: [{ label: 'People', data: stages.map(function (s) { return s.count; }), backgroundColor: COLOURS.blue }],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { x: categoryScale('Stage'), y: countScale('People') },
        },
      });
    });
  }

  function renderReport(report, range) {
    renderTotals(report.totals || {});
    renderPerDay(Array.isArray(report.conversationsPerDay) ? report.conversationsPerDay : [], range);
    renderDemand(Array.isArray(report.demandByHour) ? report.demandByHour : []);
    renderTopEntries(Array.isArray(report.topEntries) ? report.topEntries : []);
    renderTopTopics(Array.isArray(report.topTopics) ? report.topTopics : []);
    renderHelpful(Array.isArray(report.helpfulByEntry) ? report.helpfulByEntry : []);
    renderFunnels(Array.isArray(report.dialogFunnels) ? report.dialogFunnels : []);
  }

  function updateDownloads(range) {
    Array.prototype.forEach.call(document.querySelectorAll('a.js-csv'), function (link) {
      link.href = API + '/export/' + encodeURIComponent(link.dataset.table) + '.csv' + rangeQuery(range);
    });
  }

  function describeRange(range) {
    var days = Math.round((dayValue(range.to) - dayValue(range.from)) / 86400000) + 1;
    return 'Showing ' + formatLongDay(range.from) + ' to ' + formatLongDay(range.to) + ' (' + plural(days, 'day', 'days') + ').';
  }

  // ---- Unanswered questions ------------------------------------------------------------------

  function entrySelect(suggested) {
    var select = el('select', 'select select--entry');
    var known = suggested.filter(function (id) {
      return state.entryById.has(id);
    });
    if (known.length === 0) select.appendChild(new Option('Choose an entry', ''));
    if (known.length > 0) {
      var group = el('optgroup');
      group.label = 'Suggested by the bot';
      known.forEach(function (id) {
        group.appendChild(new Option(entryTitle(id) + ' (suggested)', id));
      });
      select.appendChild(group);
    }
    var rest = el('optgroup');
    rest.label = known.length > 0 ? 'All other entries' : 'All entries';
    state.entries.forEach(function (entry) {
      if (known.indexOf(entry.id) < 0) rest.appendChild(new Option(entry.title + ' (' + entry.id + ')', entry.id));
    });
    select.appendChild(rest);
    return select;
  }

  function unansweredItem(group) {
    var item = el('li', 'unanswered__item');
    var headingId = uniqueId('question');
    var heading = el('h3', 'unanswered__label');
    heading.id = headingId;
    heading.appendChild(el('q', '', group.label));
    item.appendChild(heading);
    item.appendChild(el('p', 'unanswered__count', group.count === 1 ? 'Asked once' : 'Asked ' + number(group.count) + ' times'));

    var examples = Array.isArray(group.examples) ? group.examples : [];
    if (examples.length > 0) {
      var details = el('details', 'details');
      details.appendChild(el('summary', 'details__summary', 'Examples (' + examples.length + ')'));
      var list = el('ul', 'unanswered__examples');
      examples.forEach(function (text) {
        list.appendChild(el('li', 'unanswered__example', text));
      });
      details.appendChild(list);
      item.appendChild(details);
    }

    item.appendChild(phrasingForm(group, headingId));
    return item;
  }

  function phrasingForm(group, headingId) {
    var form = el('form', 'phrasing');
    form.noValidate = true;
    var fieldset = el('fieldset', 'phrasing__fieldset');
    fieldset.setAttribute('aria-describedby', headingId);
    fieldset.appendChild(el('legend', 'phrasing__legend', 'Add as a phrasing of entry…'));

    var status = el('p', 'phrasing__status');
    status.setAttribute('role', 'status');

    var entryField = el('div', 'field field--inline');
    var selectId = uniqueId('phrasing-entry');
    var entryErrorId = uniqueId('phrasing-entry-error');
    var entryLabel = el('label', 'field__label', 'Entry');
    entryLabel.htmlFor = selectId;
    entryField.appendChild(entryLabel);
    var entryError = el('p', 'field__error');
    entryError.id = entryErrorId;
    entryError.hidden = true;
    entryField.appendChild(entryError);
    var select = entrySelect(Array.isArray(group.suggestedEntries) ? group.suggestedEntries : []);
    select.id = selectId;
    select.setAttribute('aria-describedby', entryErrorId);
    entryField.appendChild(select);
    fieldset.appendChild(entryField);

    var textField = el('div', 'field field--inline field--grow');
    var inputId = uniqueId('phrasing-text');
    var textErrorId = uniqueId('phrasing-text-error');
    var textHintId = uniqueId('phrasing-text-hint');
    var textLabel = el('label', 'field__label', 'Phrasing');
    textLabel.htmlFor = inputId;
    textField.appendChild(textLabel);
    var textHint = el('p', 'field__hint', 'Write it in general words: no names or placeholders like [NAME].');
    textHint.id = textHintId;
    textField.appendChild(textHint);
    var textError = el('p', 'field__error');
    textError.id = textErrorId;
    textError.hidden = true;
    textField.appendChild(textError);
    var input = el('input', 'field__input');
    input.type = 'text';
    input.id = inputId;
    input.maxLength = 300;
    input.spellcheck = true;
    input.autocomplete = 'off';
    input.value = group.label;
    input.setAttribute('aria-describedby', textHintId + ' ' + textErrorId);
    textField.appendChild(input);
    fieldset.appendChild(textField);

    var add = el('button', 'button button--secondary phrasing__add', 'Add');
    add.type = 'submit';
    add.setAttribute('aria-describedby', headingId);
    fieldset.appendChild(add);
    form.appendChild(fieldset);
    form.appendChild(status);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (add.getAttribute('aria-disabled') === 'true') return;
      status.textContent = '';
      status.className = 'phrasing__status';
      setFieldError(entryError, select, '');
      setFieldError(textError, input, '');
      if (!select.value) {
        setFieldError(entryError, select, 'Choose the entry this question belongs to.');
        select.focus();
        return;
      }
      if (!input.value.trim()) {
        setFieldError(textError, input, 'Type the phrasing to add.');
        input.focus();
        return;
      }
      var entryId = select.value;
      add.setAttribute('aria-disabled', 'true');
      api('POST', API + '/suggestions', { entryId: entryId, phrasing: input.value })
        .then(function (result) {
          if (result.ok && result.body) {
            status.className = 'phrasing__status phrasing__status--done';
            status.textContent = 'Added “' + result.body.phrasing + '” as a phrasing of “' + entryTitle(result.body.entryId) + '”. It goes live after a developer applies it.';
            return loadAccepted();
          }
          var message = result.message || 'The phrasing was not added. Please try again.';
          if (/entry/i.test(message) && !/phrasing|placeholder/i.test(message)) {
            setFieldError(entryError, select, message);
            select.focus();
          } else {
            setFieldError(textError, input, message);
            input.focus();
          }
        })
        .catch(function () {
          setFieldError(textError, input, 'The phrasing was not added: the server cannot be reached. Please try again.');
        })
        .then(function () {
          add.removeAttribute('aria-disabled');
        });
    });
    return form;
  }

  function renderUnanswered(groups) {
    clear(page.unanswered);
    page.unansweredEmpty.hidden = groups.length > 0;
    groups.forEach(function (group) {
      page.unanswered.appendChild(unansweredItem(group));
    });
  }

  // ---- Accepted phrasings --------------------------------------------------------------------

  function renderAccepted(suggestions) {
    fill(
      page.acceptedBody,
      suggestions.map(function (s) {
        var accepted = td('');
        accepted.appendChild(timeElement(s.acceptedAt, formatDateTime(s.acceptedAt)));
        var applied = td(s.appliedAt ? 'Yes, ' + formatDateTime(s.appliedAt) : 'Not yet');
        return row([th(s.phrasing, 'table__cell--wide'), entryCell(s.entryId), td(s.acceptedBy), accepted, applied]);
      }),
    );
    page.acceptedEmpty.hidden = suggestions.length > 0;
    page.acceptedWrap.hidden = suggestions.length === 0;
  }

  function loadAccepted() {
    return api('GET', API + '/suggestions')
      .then(function (result) {
        if (!result.ok || !result.body) throw new Error(result.message || 'suggestions ' + result.status);
        renderAccepted(Array.isArray(result.body.suggestions) ? result.body.suggestions : []);
      })
      .catch(function () {
        page.acceptedEmpty.textContent = 'The accepted phrasings could not be loaded. Reload the page to try again.';
        page.acceptedEmpty.hidden = false;
      });
  }

  // ---- Loading the report for a range --------------------------------------------------------

  /** The report and the unanswered questions for `range`. Resolves false when the server refused the dates. */
  function loadRange(range) {
    var query = rangeQuery(range);
    return Promise.all([api('GET', API + '/report' + query), api('GET', API + '/unanswered' + query)]).then(function (results) {
      var report = results[0];
      var unanswered = results[1];
      if (report.status === 403) {
        showFatal(report.message);
        return false;
      }
      if (report.status === 400) {
        setFieldError(page.rangeError, page.rangeFrom, report.message || 'Check the dates.');
        return false;
      }
      if (!report.ok || !report.body) throw new Error('report ' + report.status);
      state.range = range;
      page.dashboard.hidden = false;
      renderReport(report.body, range);
      if (unanswered.ok && unanswered.body) renderUnanswered(Array.isArray(unanswered.body.groups) ? unanswered.body.groups : []);
      else {
        clear(page.unanswered);
        page.unansweredEmpty.textContent = 'The unanswered questions could not be loaded. Press Apply to try again.';
        page.unansweredEmpty.hidden = false;
      }
      updateDownloads(range);
      page.rangeShown.textContent = describeRange(range);
      return true;
    });
  }

  function readRange() {
    var from = page.rangeFrom.value;
    var to = page.rangeTo.value;
    setFieldError(page.rangeError, page.rangeFrom, '');
    page.rangeTo.removeAttribute('aria-invalid');
    if (!from || !to || !Number.isFinite(dayValue(from)) || !Number.isFinite(dayValue(to))) {
      setFieldError(page.rangeError, from ? page.rangeTo : page.rangeFrom, 'Enter both dates.');
      return null;
    }
    if (from > to) {
      setFieldError(page.rangeError, page.rangeFrom, 'The start date must be on or before the end date.');
      return null;
    }
    return { from: from, to: to };
  }

  page.rangeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.loading) return;
    var range = readRange();
    if (!range) {
      (page.rangeFrom.getAttribute('aria-invalid') === 'true' ? page.rangeFrom : page.rangeTo).focus();
      return;
    }
    state.loading = true;
    page.rangeApply.setAttribute('aria-disabled', 'true');
    loadRange(range)
      .then(function (loaded) {
        if (loaded) {
          clearProblem();
          say(page.notice, 'Dashboard updated. ' + describeRange(range));
        } else page.rangeFrom.focus();
      })
      .catch(function () {
        showProblem('The figures could not be loaded. Check your connection and press Apply again.');
      })
      .then(function () {
        state.loading = false;
        page.rangeApply.removeAttribute('aria-disabled');
      });
  });

  // ---- Erasing a conversation ----------------------------------------------------------------

  function resetErase() {
    page.eraseConfirm.hidden = true;
    page.eraseAgain.value = '';
    setFieldError(page.eraseAgainError, page.eraseAgain, '');
  }

  page.eraseForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var id = page.eraseId.value.trim();
    clear(page.eraseResult);
    resetErase();
    if (!id) {
      setFieldError(page.eraseIdError, page.eraseId, 'Enter the conversation id.');
      page.eraseId.focus();
      return;
    }
    setFieldError(page.eraseIdError, page.eraseId, '');
    page.eraseConfirmId.textContent = id;
    page.eraseConfirm.dataset.id = id;
    page.eraseConfirm.hidden = false;
    page.eraseConfirmTitle.focus();
  });

  page.eraseId.addEventListener('input', function () {
    if (!page.eraseConfirm.hidden && page.eraseId.value.trim() !== page.eraseConfirm.dataset.id) resetErase();
  });

  page.eraseCancel.addEventListener('click', function () {
    resetErase();
    page.eraseId.focus();
  });

  page.eraseConfirm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.erasing) return;
    var id = page.eraseConfirm.dataset.id || '';
    if (page.eraseAgain.value.trim() !== id) {
      setFieldError(page.eraseAgainError, page.eraseAgain, 'The ids do not match. Type the conversation id again exactly.');
      page.eraseAgain.focus();
      return;
    }
    setFieldError(page.eraseAgainError, page.eraseAgain, '');
    state.erasing = true;
    page.eraseSubmit.setAttribute('aria-disabled', 'true');
    api('POST', API + '/erase', { conversationId: id })
      .then(function (result) {
        if (result.cancelled) {
          // They chose not to enter their password: keep the confirmation open so they can try again.
          setFieldError(page.eraseAgainError, page.eraseAgain, 'Nothing was erased, because you did not enter your password. Press “Erase permanently” to try again.');
          page.eraseAgain.focus();
          return;
        }
        if (!result.ok || !result.body) {
          resetErase();
          setFieldError(page.eraseIdError, page.eraseId, result.message || 'The conversation was not erased. Please try again.');
          page.eraseId.focus();
          return;
        }
        var erased = result.body;
        resetErase();
        page.eraseId.value = '';
        page.eraseId.focus();
        showErased(id, erased);
        // The figures no longer include that conversation.
        if (state.range) return loadRange(state.range);
      })
      .catch(function () {
        setFieldError(page.eraseAgainError, page.eraseAgain, 'The conversation was not erased: the server cannot be reached. Please try again.');
      })
      .then(function () {
        state.erasing = false;
        page.eraseSubmit.removeAttribute('aria-disabled');
      });
  });

  function showErased(id, erased) {
    clear(page.eraseResult);
    var box = el('div', 'result__box');
    var nothing = !erased.analyticsEvents && !erased.handoffs && !erased.botState;
    var title = el('p', 'result__title', nothing ? 'Nothing was kept about conversation ' : 'Erased conversation ');
    title.appendChild(el('strong', 'confirm__id', id));
    title.appendChild(document.createTextNode('.'));
    box.appendChild(title);
    if (nothing) box.appendChild(el('p', '', 'Nothing was deleted. Check that the id was copied exactly.'));
    var list = el('ul', 'result__list');
    list.appendChild(el('li', '', plural(erased.analyticsEvents || 0, 'analytics event', 'analytics events') + ' deleted'));
    list.appendChild(el('li', '', plural(erased.handoffs || 0, 'hand-off', 'hand-offs') + ' to an adviser deleted, with their messages'));
    list.appendChild(el('li', '', plural(erased.botState || 0, 'saved conversation state', 'saved conversation states') + ' deleted'));
    box.appendChild(list);
    page.eraseResult.appendChild(box);
  }

  // ---- Start ---------------------------------------------------------------------------------

  function showFatal(message) {
    state.leaving = true;
    page.loading.hidden = true;
    page.nav.hidden = true;
    page.dashboard.hidden = true;
    page.signOut.hidden = false;
    showProblem(message || 'Your account cannot use the staff dashboard. Ask an admin if you need it.', 'You cannot use the staff dashboard');
  }

  function setUpCharts() {
    var Chart = window.Chart;
    if (typeof Chart !== 'function') return;
    Chart.defaults.font.family = FONT;
    Chart.defaults.font.size = 14;
    Chart.defaults.color = COLOURS.text;
  }

  function start() {
    setUpCharts();
    var to = ukToday();
    var range = { from: addDays(to, -(DEFAULT_DAYS - 1)), to: to };
    page.rangeFrom.value = range.from;
    page.rangeTo.value = range.to;
    page.rangeFrom.max = to;
    page.rangeTo.max = to;

    api('GET', '/api/console/me')
      .then(function (me) {
        if (!me.ok || !me.body) throw new Error('me ' + me.status);
        page.name.textContent = 'Signed in as ' + me.body.displayName;
        page.name.hidden = false;
        page.signOut.hidden = false;
        // Admins can also reach the adviser console and the accounts page from here.
        page.pages.hidden = me.body.role !== 'admin';
        return api('GET', API + '/entries');
      })
      .then(function (entries) {
        if (entries.status === 403) return showFatal(entries.message);
        if (!entries.ok || !entries.body) throw new Error('entries ' + entries.status);
        state.entries = (Array.isArray(entries.body.entries) ? entries.body.entries : []).slice().sort(function (a, b) {
          return String(a.title).localeCompare(String(b.title), 'en-GB');
        });
        state.entries.forEach(function (entry) {
          state.entryById.set(entry.id, entry);
        });
        return loadRange(range).then(function (loaded) {
          if (state.leaving) return;
          if (!loaded) throw new Error('report refused');
          page.loading.hidden = true;
          page.nav.hidden = false;
          return loadAccepted();
        });
      })
      .catch(function () {
        if (state.leaving) return;
        page.loading.hidden = true;
        showProblem('The dashboard could not load. Check your connection, then reload the page.');
      });
  }

  start();
})();
