// The adviser console: the queue, live chats and callback requests. Everything a person or the
// server wrote is put on the page with textContent, never as HTML, so it always shows as plain text.
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

  var API = '/api/adviser';
  var LOGIN_PAGE = '/console/login';
  var LOGIN_AND_RETURN = '/console/login?next=/console/adviser';
  var WAIT_TICK_MS = 5000;
  var TYPING_SHOWN_MS = 4000;
  var TYPING_SEND_EVERY_MS = 3000;
  var CALLBACKS_EVERY_MS = 60000;
  var STATE_EVERY_MS = 60000;
  var RECONNECT_FIRST_MS = 3000;
  var RECONNECT_MAX_MS = 30000;
  var MAX_MESSAGE = 4000;

  var SENDERS = {
    user: { label: 'The person', className: 'message--user' },
    adviser: { label: 'You', className: 'message--adviser' },
    system: { label: 'Note from the bot', className: 'message--system' },
  };
  var TRANSCRIPT_SENDERS = { user: 'The person', bot: 'The bot' };
  var CALLBACK_STATUS_WORDS = { new: 'New', contacted: 'Contacted', closed: 'Closed' };
  var LEFT_BECAUSE = {
    user: 'The person has left the chat.',
    quickExit: 'The person has left the chat. They pressed Quick Exit, so they may not be safe: do not try to contact them unless they asked you to.',
    timeout: 'The person has left the chat. The bot took them out after a long silence.',
    noAdvisers: 'The person has left the chat.',
  };

  var $ = function (id) {
    return document.getElementById(id);
  };
  var page = {
    name: $('adviser-name'),
    headerStatus: $('header-status'),
    available: $('available'),
    helpline: $('helpline-status'),
    connection: $('connection-status'),
    signOut: $('sign-out'),
    nav: $('console-nav'),
    navChats: $('nav-chats'),
    navCallbacks: $('nav-callbacks'),
    navQueueCount: $('nav-queue-count'),
    main: $('main'),
    loading: $('loading'),
    problem: $('problem'),
    problemTitle: $('problem-title'),
    problemMessage: $('problem-message'),
    notice: $('notice'),
    announcer: $('announcer'),
    chatsView: $('live-chat'),
    callbacksView: $('callback-requests'),
    queueCount: $('queue-count'),
    queueEmpty: $('queue-empty'),
    queue: $('queue'),
    chatsHeading: $('chats-heading'),
    chatsCount: $('chats-count'),
    chatsEmpty: $('chats-empty'),
    chatList: $('chat-list'),
    callbacksHeading: $('callbacks-heading'),
    callbackFilterForm: $('callback-filter'),
    callbackFilter: $('callback-status-filter'),
    callbacksUpdated: $('callbacks-updated'),
    callbacksEmpty: $('callbacks-empty'),
    callbacksWrap: $('callbacks-wrap'),
    callbacksBody: $('callbacks-body'),
  };

  var state = {
    me: null,
    outcomes: [],
    cannedReplies: [],
    /** What the adviser last chose; restored if a reconnect made the server forget it. */
    wantAvailable: null,
    /** Hand-off id → { view, item } for each person waiting, in queue order. */
    queue: new Map(),
    /** Hand-off id → chat (see createChat). */
    chats: new Map(),
    /** Server clock minus this computer's clock, so waiting times do not depend on a wrong clock here. */
    clockSkewMs: 0,
    events: null,
    eventsFailed: false,
    reconnectDelay: RECONNECT_FIRST_MS,
    reconnectTimer: 0,
    callbacksTimer: 0,
    callbacksLoading: false,
    leaving: false,
    started: false,
  };


  // ---- Small helpers -------------------------------------------------------------------------



  function now() {
    return Date.now() + state.clockSkewMs;
  }

  var timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  var dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

  function formatTime(iso) {
    var at = Date.parse(iso);
    return Number.isFinite(at) ? timeFormat.format(at) : '';
  }

  function formatDateTime(iso) {
    var at = Date.parse(iso);
    return Number.isFinite(at) ? dateTimeFormat.format(at) : '';
  }

  /** "less than 1 min", "3 min", "1 hr 5 min". */
  function waitedFor(iso) {
    var minutes = Math.floor((now() - Date.parse(iso)) / 60000);
    if (!Number.isFinite(minutes) || minutes < 1) return 'less than 1 min';
    if (minutes < 60) return minutes + ' min';
    var hours = Math.floor(minutes / 60);
    return hours + ' hr' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
  }

  function topicOf(view) {
    return view.topicTitle || view.topic || 'No topic chosen';
  }



  function announce(text) {
    say(page.announcer, text);
  }

  function notify(text) {
    say(page.notice, text);
  }

  var problem = kit.problemBox(page.problem, page.problemTitle, page.problemMessage);
  var showProblem = problem.show;
  var clearProblem = problem.clear;

  var CONNECTION_LOST = 'The console cannot reach the server. Check your connection; it will keep trying.';

  // ---- Talking to the server -----------------------------------------------------------------

  function goToLogin() {
    if (state.leaving) return;
    state.leaving = true;
    if (state.events) state.events.close();
    window.location.assign(LOGIN_AND_RETURN);
  }


  function handoffPath(id, action) {
    return API + '/handoffs/' + encodeURIComponent(id) + '/' + action;
  }

  // ---- Header --------------------------------------------------------------------------------

  function renderHeader(data) {
    page.name.textContent = 'Signed in as ' + data.me.displayName;
    page.name.hidden = false;
    page.helpline.textContent = data.helplineOpen ? 'Helpline open' : 'Helpline closed';
    page.helpline.className = 'tag ' + (data.helplineOpen ? 'tag--green' : 'tag--grey');
  }

  function setConnected(connected) {
    page.connection.textContent = connected ? 'Connected' : 'Reconnecting…';
    page.connection.className = 'tag ' + (connected ? 'tag--green' : 'tag--red');
  }

  function setAvailability(available) {
    state.wantAvailable = available;
    page.available.checked = available;
    return api('POST', API + '/availability', { available: available });
  }

  page.available.addEventListener('change', function () {
    var wanted = page.available.checked;
    setAvailability(wanted)
      .then(function (result) {
        if (!result.ok) throw new Error(result.message || 'refused');
        announce(wanted ? 'You are available for new chats.' : 'You will not be offered new chats. You can still accept people from the queue.');
      })
      .catch(function () {
        state.wantAvailable = !wanted;
        page.available.checked = !wanted;
        showProblem('Your availability could not be changed. Please try again.');
      });
  });

  kit.wireSignOut(page.signOut, LOGIN_PAGE, function () {
    state.leaving = true; if (state.events) state.events.close();
  }, showProblem);

  // ---- Sections ------------------------------------------------------------------------------

  function currentView() {
    return window.location.hash === '#callback-requests' ? 'callbacks' : 'chats';
  }

  function showView(moveFocus) {
    var view = currentView();
    page.chatsView.hidden = view !== 'chats';
    page.callbacksView.hidden = view !== 'callbacks';
    if (view === 'chats') {
      page.navChats.setAttribute('aria-current', 'page');
      page.navCallbacks.removeAttribute('aria-current');
    } else {
      page.navCallbacks.setAttribute('aria-current', 'page');
      page.navChats.removeAttribute('aria-current');
    }
    window.clearInterval(state.callbacksTimer);
    if (view === 'callbacks') {
      loadCallbacks();
      state.callbacksTimer = window.setInterval(loadCallbacks, CALLBACKS_EVERY_MS);
    }
    if (moveFocus) (view === 'callbacks' ? page.callbacksHeading : $('queue-heading')).focus();
  }

  window.addEventListener('hashchange', function () {
    if (state.started) showView(true);
  });

  function updateCounts() {
    var waiting = state.queue.size;
    var chats = state.chats.size;
    page.queueCount.textContent = waiting ? '(' + waiting + ')' : '';
    page.queueEmpty.hidden = waiting > 0;
    page.navQueueCount.textContent = waiting ? '(' + waiting + ' waiting)' : '';
    page.chatsCount.textContent = chats ? '(' + chats + ')' : '';
    page.chatsEmpty.hidden = chats > 0;
    document.title = (waiting ? '(' + waiting + ' waiting) ' : '') + 'Adviser console';
  }

  // ---- What the bot learned and the shared conversation ---------------------------------------

  function learnedList(view) {
    var learned = Array.isArray(view.learned) ? view.learned : [];
    if (learned.length === 0) return el('p', 'hint', 'The bot did not learn anything it can share.');
    var list = el('dl', 'summary-list');
    learned.forEach(function (fact) {
      var row = el('div', 'summary-list__row');
      row.appendChild(el('dt', 'summary-list__key', fact.label));
      row.appendChild(el('dd', 'summary-list__value', fact.value));
      list.appendChild(row);
    });
    return list;
  }

  function transcriptBlock(view) {
    if (!Array.isArray(view.transcript)) return el('p', 'hint', 'The person chose not to share their conversation with the bot.');
    if (view.transcript.length === 0) return el('p', 'hint', 'The conversation with the bot was empty.');
    var details = el('details', 'details');
    var lines = view.transcript.length;
    details.appendChild(el('summary', 'details__summary', 'Conversation with the bot (' + lines + (lines === 1 ? ' message)' : ' messages)')));
    var list = el('ol', 'transcript');
    // It scrolls when long, so it must be reachable with the keyboard.
    list.tabIndex = 0;
    list.setAttribute('aria-label', 'Conversation with the bot');
    view.transcript.forEach(function (line) {
      var item = el('li', 'transcript__line transcript__line--' + (line.from === 'user' ? 'user' : 'bot'));
      item.appendChild(el('span', 'transcript__from', (TRANSCRIPT_SENDERS[line.from] || 'The bot') + ': '));
      item.appendChild(el('span', 'transcript__text', line.text));
      list.appendChild(item);
    });
    details.appendChild(list);
    return details;
  }

  // ---- The queue -----------------------------------------------------------------------------

  function createQueueItem(view) {
    var item = el('li', 'queue-item');
    var titleId = uniqueId('queue-title');
    var title = el('h3', 'queue-item__title', topicOf(view));
    title.id = titleId;
    item.appendChild(title);

    var meta = el('p', 'queue-item__meta');
    meta.appendChild(document.createTextNode('Waiting '));
    var waited = timeElement(view.requestedAt, waitedFor(view.requestedAt));
    waited.className = 'js-waited';
    meta.appendChild(waited);
    meta.appendChild(document.createTextNode(' (since ' + formatTime(view.requestedAt) + ')'));
    item.appendChild(meta);

    var stillThere = el('p', 'tag tag--yellow queue-item__still-there', 'Asked if still there: no reply yet');
    item.appendChild(stillThere);
    var urgent = el('p', 'tag tag--red queue-item__urgent', 'The bot showed this person the urgent help numbers');
    item.appendChild(urgent);

    item.appendChild(el('h4', 'subheading', 'What the bot learned'));
    item.appendChild(learnedList(view));
    item.appendChild(transcriptBlock(view));

    var accept = el('button', 'button queue-item__accept', 'Accept');
    accept.type = 'button';
    accept.setAttribute('aria-describedby', titleId);
    accept.addEventListener('click', function () {
      acceptHandoff(view.id, accept);
    });
    item.appendChild(accept);

    var entry = { view: view, item: item, waited: waited, stillThere: stillThere, urgent: urgent };
    updateQueueItem(entry, view);
    return entry;
  }

  function updateQueueItem(entry, view) {
    entry.view = view;
    entry.stillThere.hidden = !view.stillThereAsked;
    entry.urgent.hidden = !view.urgentNumbersShown;
    entry.waited.textContent = waitedFor(view.requestedAt);
  }

  /** Shows the queue as the server sent it, keeping open details and focus in entries that stay. */
  function renderQueue(views, announceNew) {
    var waiting = (Array.isArray(views) ? views : []).filter(function (v) {
      return v && v.status === 'queued';
    });
    var ids = new Set(
      waiting.map(function (v) {
        return v.id;
      }),
    );
    state.queue.forEach(function (entry, id) {
      if (!ids.has(id)) removeQueueEntry(id);
    });
    var added = [];
    var previous = null;
    waiting.forEach(function (view) {
      var entry = state.queue.get(view.id);
      if (entry) updateQueueItem(entry, view);
      else {
        entry = createQueueItem(view);
        added.push(view);
      }
      state.queue.set(view.id, entry);
      var wanted = previous ? previous.nextSibling : page.queue.firstChild;
      if (entry.item !== wanted) page.queue.insertBefore(entry.item, wanted);
      previous = entry.item;
    });
    // Map order follows first insertion; rebuild it so it matches the queue.
    var ordered = new Map();
    waiting.forEach(function (view) {
      ordered.set(view.id, state.queue.get(view.id));
    });
    state.queue = ordered;
    updateCounts();
    if (announceNew && added.length > 0) {
      announce(
        added.length === 1
          ? 'New person waiting to chat: ' + topicOf(added[0]) + '.'
          : added.length + ' new people waiting to chat.',
      );
    }
  }

  function removeQueueEntry(id) {
    var entry = state.queue.get(id);
    if (!entry) return;
    var hadFocus = entry.item.contains(document.activeElement);
    entry.item.remove();
    state.queue.delete(id);
    if (hadFocus) $('queue-heading').focus();
    updateCounts();
  }

  function acceptHandoff(id, button) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = 'Accepting…';
    api('POST', handoffPath(id, 'accept'))
      .then(function (result) {
        if (result.ok && result.body) {
          var chat = openChat(result.body);
          addMessages(chat, result.body.messages);
          removeQueueEntry(id);
          notify('You are now chatting with the person. Topic: ' + topicOf(result.body) + '.');
          chat.textarea.focus();
          return;
        }
        notify(result.message || 'Sorry, that chat could not be accepted. Please try again.');
        return refreshState();
      })
      .catch(function () {
        notify('Sorry, that chat could not be accepted: the server cannot be reached. Please try again.');
      })
      .then(function () {
        if (button.isConnected) {
          button.removeAttribute('aria-disabled');
          button.textContent = 'Accept';
        }
      });
  }

  // ---- Live chats ----------------------------------------------------------------------------

  /** The chat panel for a hand-off this adviser has, made if it is not on the page yet. */
  function openChat(view) {
    var chat = state.chats.get(view.id);
    if (!chat) {
      chat = createChat(view);
      state.chats.set(view.id, chat);
      page.chatList.appendChild(chat.root);
      updateCounts();
    }
    updateChat(chat, view);
    return chat;
  }

  function createChat(view) {
    var chat = {
      id: view.id,
      view: view,
      lastId: 0,
      shown: new Set(),
      ended: false,
      ending: false,
      sending: false,
      lastTypingSentAt: 0,
      typingTimer: 0,
      openedAt: Date.now(),
    };
    var root = el('section', 'chat');
    var titleId = uniqueId('chat-title');
    root.setAttribute('aria-labelledby', titleId);
    var title = el('h3', 'chat__title', 'Chat: ' + topicOf(view));
    title.id = titleId;
    root.appendChild(title);
    chat.meta = el('p', 'chat__meta');
    root.appendChild(chat.meta);

    var context = el('details', 'details chat__context');
    context.appendChild(el('summary', 'details__summary', 'What the bot learned, and the conversation before'));
    var contextBody = el('div', 'details__body');
    contextBody.appendChild(el('h4', 'subheading', 'What the bot learned'));
    contextBody.appendChild(learnedList(view));
    contextBody.appendChild(transcriptBlock(view));
    context.appendChild(contextBody);
    root.appendChild(context);

    // A log (new messages are read out) holding a list; it scrolls, so it takes keyboard focus.
    chat.logBox = el('div', 'messages');
    chat.logBox.setAttribute('role', 'log');
    chat.logBox.setAttribute('aria-live', 'polite');
    chat.logBox.setAttribute('aria-label', 'Messages: ' + topicOf(view));
    chat.logBox.tabIndex = 0;
    chat.log = el('ol', 'messages__list');
    chat.logBox.appendChild(chat.log);
    root.appendChild(chat.logBox);

    chat.typing = el('p', 'chat__typing');
    chat.typing.setAttribute('aria-live', 'polite');
    root.appendChild(chat.typing);

    chat.left = el('p', 'chat__left');
    chat.left.setAttribute('role', 'status');
    chat.left.hidden = true;
    root.appendChild(chat.left);

    root.appendChild(createComposer(chat));
    root.appendChild(createEndForm(chat));
    chat.root = root;
    return chat;
  }

  function createComposer(chat) {
    var form = el('form', 'compose');
    form.noValidate = true;
    chat.compose = form;

    if (state.cannedReplies.length > 0) {
      var canned = el('div', 'canned');
      var cannedLabelId = uniqueId('canned-label');
      var cannedLabel = el('p', 'canned__label', 'Ready-made replies (they fill the message box; nothing is sent until you press Send)');
      cannedLabel.id = cannedLabelId;
      canned.appendChild(cannedLabel);
      var buttons = el('div', 'canned__buttons');
      buttons.setAttribute('role', 'group');
      buttons.setAttribute('aria-labelledby', cannedLabelId);
      state.cannedReplies.forEach(function (reply) {
        var button = el('button', 'button button--secondary button--small', reply.title);
        button.type = 'button';
        button.addEventListener('click', function () {
          chat.textarea.value = reply.text;
          chat.textarea.focus();
          chat.textarea.setSelectionRange(reply.text.length, reply.text.length);
        });
        buttons.appendChild(button);
      });
      canned.appendChild(buttons);
      form.appendChild(canned);
    }

    var field = el('div', 'field');
    var textareaId = uniqueId('message');
    var hintId = uniqueId('message-hint');
    var errorId = uniqueId('message-error');
    var label = el('label', 'field__label', 'Your message');
    label.htmlFor = textareaId;
    field.appendChild(label);
    var hint = el('p', 'field__hint', 'Enter sends. Shift+Enter starts a new line.');
    hint.id = hintId;
    field.appendChild(hint);
    chat.messageError = el('p', 'field__error');
    chat.messageError.id = errorId;
    chat.messageError.hidden = true;
    field.appendChild(chat.messageError);
    var textarea = el('textarea', 'field__input field__textarea');
    textarea.id = textareaId;
    textarea.rows = 3;
    textarea.maxLength = MAX_MESSAGE;
    textarea.setAttribute('aria-describedby', hintId + ' ' + errorId);
    field.appendChild(textarea);
    chat.textarea = textarea;
    form.appendChild(field);

    var send = el('button', 'button', 'Send');
    send.type = 'submit';
    form.appendChild(send);

    textarea.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      sendMessage(chat);
    });
    textarea.addEventListener('input', function () {
      if (chat.messageError.hidden === false && textarea.value.trim()) setFieldError(chat.messageError, textarea, '');
      if (chat.ended || !textarea.value.trim() || Date.now() - chat.lastTypingSentAt < TYPING_SEND_EVERY_MS) return;
      chat.lastTypingSentAt = Date.now();
      api('POST', handoffPath(chat.id, 'typing')).catch(function () {});
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      sendMessage(chat);
    });
    return form;
  }

  function createEndForm(chat) {
    var form = el('form', 'end-chat');
    form.noValidate = true;
    var field = el('div', 'field');
    var selectId = uniqueId('outcome');
    var errorId = uniqueId('outcome-error');
    var label = el('label', 'field__label', 'Outcome of the chat');
    label.htmlFor = selectId;
    field.appendChild(label);
    chat.outcomeError = el('p', 'field__error');
    chat.outcomeError.id = errorId;
    chat.outcomeError.hidden = true;
    field.appendChild(chat.outcomeError);
    var select = el('select', 'select');
    select.id = selectId;
    select.required = true;
    select.setAttribute('aria-describedby', errorId);
    select.appendChild(new Option('Choose an outcome', ''));
    state.outcomes.forEach(function (outcome) {
      select.appendChild(new Option(outcome, outcome));
    });
    field.appendChild(select);
    form.appendChild(field);
    chat.outcome = select;
    chat.endButton = el('button', 'button button--warning', 'End chat');
    chat.endButton.type = 'submit';
    form.appendChild(chat.endButton);
    select.addEventListener('change', function () {
      if (select.value) setFieldError(chat.outcomeError, select, '');
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      endChat(chat);
    });
    return form;
  }


  function updateChat(chat, view) {
    chat.view = view;
    chat.meta.textContent = view.acceptedAt
      ? 'Accepted at ' + formatTime(view.acceptedAt) + ', after waiting ' + waitedBetween(view.requestedAt, view.acceptedAt) + '.'
      : '';
    if (view.status === 'ended') markEnded(chat, view.endedBy);
  }

  function waitedBetween(fromIso, toIso) {
    var minutes = Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60000);
    if (!Number.isFinite(minutes) || minutes < 1) return 'less than 1 min';
    return minutes + ' min';
  }

  /** The person left (or the chat ended elsewhere): no more messages, but the outcome can still be recorded. */
  function markEnded(chat, endedBy) {
    if (chat.ended) return;
    chat.ended = true;
    chat.left.textContent = LEFT_BECAUSE[endedBy] || 'This chat has ended.';
    chat.left.hidden = false;
    hideTyping(chat);
    var hadFocus = chat.compose.contains(document.activeElement);
    chat.compose.hidden = true;
    chat.endButton.textContent = 'Record outcome';
    if (hadFocus) chat.outcome.focus();
    announce((LEFT_BECAUSE[endedBy] || 'A chat has ended.') + ' Chat: ' + topicOf(chat.view) + '.');
  }

  function removeChat(chat) {
    var hadFocus = chat.root.contains(document.activeElement);
    window.clearTimeout(chat.typingTimer);
    chat.root.remove();
    state.chats.delete(chat.id);
    updateCounts();
    if (hadFocus) page.chatsHeading.focus();
  }

  /** Adds messages not shown yet, in id order, so a message that arrives twice shows once. */
  function addMessages(chat, messages) {
    if (!Array.isArray(messages)) return;
    messages.forEach(function (message) {
      if (!message || typeof message.id !== 'number' || chat.shown.has(message.id)) return;
      chat.shown.add(message.id);
      chat.lastId = Math.max(chat.lastId, message.id);
      var sender = SENDERS[message.sender] || SENDERS.system;
      var item = el('li', 'message ' + sender.className);
      item.dataset.id = String(message.id);
      var from = el('p', 'message__from', sender.label);
      from.appendChild(document.createTextNode(' '));
      var time = timeElement(message.sentAt, formatTime(message.sentAt));
      time.className = 'message__time';
      from.appendChild(time);
      item.appendChild(from);
      item.appendChild(el('p', 'message__text', message.text));
      var after = null;
      for (var node = chat.log.lastElementChild; node; node = node.previousElementSibling) {
        if (Number(node.dataset.id) < message.id) break;
        after = node;
      }
      chat.log.insertBefore(item, after);
      if (message.sender === 'user') hideTyping(chat);
    });
    chat.logBox.scrollTop = chat.logBox.scrollHeight;
  }

  function fetchNewMessages(chat) {
    return api('GET', handoffPath(chat.id, 'messages') + '?after=' + chat.lastId).then(function (result) {
      if (result.ok && result.body) addMessages(chat, result.body.messages);
    });
  }

  function sendMessage(chat) {
    var text = chat.textarea.value;
    if (chat.sending || chat.ended) return;
    if (!text.trim()) {
      setFieldError(chat.messageError, chat.textarea, 'Type a message first.');
      return;
    }
    if (text.length > MAX_MESSAGE) {
      setFieldError(chat.messageError, chat.textarea, 'Messages can be up to ' + MAX_MESSAGE + ' characters.');
      return;
    }
    chat.sending = true;
    api('POST', handoffPath(chat.id, 'messages'), { text: text })
      .then(function (result) {
        if (result.ok && result.body) {
          addMessages(chat, [result.body]);
          // Anything typed while it was sending stays.
          if (chat.textarea.value === text) chat.textarea.value = '';
          setFieldError(chat.messageError, chat.textarea, '');
          chat.lastTypingSentAt = 0;
          return;
        }
        setFieldError(chat.messageError, chat.textarea, result.message || 'Your message was not sent. Please try again.');
        if (result.status === 409) return refreshState();
      })
      .catch(function () {
        setFieldError(chat.messageError, chat.textarea, 'Your message was not sent: the server cannot be reached. Please try again.');
      })
      .then(function () {
        chat.sending = false;
      });
  }

  function endChat(chat) {
    var outcome = chat.outcome.value;
    if (chat.ending) return;
    if (!outcome) {
      setFieldError(chat.outcomeError, chat.outcome, 'Choose an outcome before you ' + (chat.ended ? 'record it.' : 'end the chat.'));
      chat.outcome.focus();
      return;
    }
    chat.ending = true;
    api('POST', handoffPath(chat.id, 'end'), { outcome: outcome })
      .then(function (result) {
        if (result.ok) {
          removeChat(chat);
          notify((chat.ended ? 'Outcome recorded: ' : 'Chat ended. Outcome recorded: ') + outcome + '.');
          return;
        }
        setFieldError(chat.outcomeError, chat.outcome, result.message || 'The chat could not be ended. Please try again.');
      })
      .catch(function () {
        setFieldError(chat.outcomeError, chat.outcome, 'The chat could not be ended: the server cannot be reached. Please try again.');
      })
      .then(function () {
        chat.ending = false;
      });
  }

  function showTyping(chat) {
    if (chat.ended) return;
    if (!chat.typing.textContent) chat.typing.textContent = 'The person is typing…';
    window.clearTimeout(chat.typingTimer);
    chat.typingTimer = window.setTimeout(function () {
      hideTyping(chat);
    }, TYPING_SHOWN_MS);
  }

  function hideTyping(chat) {
    window.clearTimeout(chat.typingTimer);
    chat.typing.textContent = '';
  }

  // ---- Whole state ---------------------------------------------------------------------------

  /**
   * Applies GET /state. `askedAt` is when the request left: a chat opened after that is not
   * missing from the answer, it is just newer than it.
   */
  function applyState(data, askedAt, initial) {
    state.me = data.me;
    state.outcomes = Array.isArray(data.outcomes) ? data.outcomes : [];
    state.cannedReplies = Array.isArray(data.cannedReplies) ? data.cannedReplies : [];
    renderHeader(data);
    if (state.wantAvailable === null || initial) {
      state.wantAvailable = data.me.available !== false;
      page.available.checked = state.wantAvailable;
    } else if ((data.me.available !== false) !== state.wantAvailable) {
      // The server forgets availability when every console disconnects; say it again.
      setAvailability(state.wantAvailable).catch(function () {});
    }
    renderQueue(data.queue, !initial);
    var live = new Set();
    (Array.isArray(data.chats) ? data.chats : []).forEach(function (view) {
      live.add(view.id);
      var chat = openChat(view);
      addMessages(chat, view.messages);
    });
    state.chats.forEach(function (chat) {
      if (!live.has(chat.id) && !chat.ended && chat.openedAt < askedAt) markEnded(chat, null);
    });
  }

  function refreshState() {
    var askedAt = Date.now();
    return api('GET', API + '/state').then(function (result) {
      if (result.ok && result.body) {
        applyState(result.body, askedAt, false);
        clearProblem();
      } else if (result.status === 403) {
        showFatal(result.message);
      }
    });
  }

  /** After a reconnect: the whole state again, then whatever each chat missed. */
  function resync() {
    return refreshState()
      .then(function () {
        var fetches = [];
        state.chats.forEach(function (chat) {
          fetches.push(fetchNewMessages(chat));
        });
        return Promise.all(fetches);
      })
      .catch(function () {
        showProblem(CONNECTION_LOST);
      });
  }

  // ---- Server-sent events --------------------------------------------------------------------

  function parseEvent(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function connectEvents() {
    if (state.events) state.events.close();
    var events = new EventSource(API + '/events');
    state.events = events;
    events.addEventListener('open', function () {
      setConnected(true);
      state.reconnectDelay = RECONNECT_FIRST_MS;
      if (state.eventsFailed) {
        state.eventsFailed = false;
        resync();
      }
    });
    events.addEventListener('error', function () {
      if (state.leaving || state.events !== events) return;
      setConnected(false);
      state.eventsFailed = true;
      // The browser retries by itself unless the server refused the stream (signed out, or an error page).
      if (events.readyState === EventSource.CLOSED) reconnectLater();
    });
    events.addEventListener('ready', function (event) {
      var data = parseEvent(event);
      var serverNow = data && Date.parse(data.at);
      if (Number.isFinite(serverNow)) state.clockSkewMs = serverNow - Date.now();
    });
    events.addEventListener('queue', function (event) {
      renderQueue(parseEvent(event), true);
    });
    events.addEventListener('handoff', function (event) {
      onHandoff(parseEvent(event));
    });
    events.addEventListener('message', function (event) {
      var message = parseEvent(event);
      var chat = message && state.chats.get(message.handoffId);
      if (chat) addMessages(chat, [message]);
    });
    events.addEventListener('typing', function (event) {
      var typing = parseEvent(event);
      var chat = typing && state.chats.get(typing.handoffId);
      if (chat) showTyping(chat);
    });
    // The server may have missed changes made on another instance: reload everything.
    events.addEventListener('resync', resync);
    events.addEventListener('signedOut', goToLogin);
  }

  function reconnectLater() {
    window.clearTimeout(state.reconnectTimer);
    state.reconnectTimer = window.setTimeout(function () {
      // A refused stream may mean the session ended: /state sends the adviser to sign in if so.
      refreshState()
        .catch(function () {
          showProblem(CONNECTION_LOST);
        })
        .then(function () {
          if (!state.leaving) connectEvents();
        });
    }, state.reconnectDelay);
    state.reconnectDelay = Math.min(state.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  function onHandoff(view) {
    if (!view || typeof view.id !== 'string') return;
    if (view.status === 'queued') {
      var entry = state.queue.get(view.id);
      if (entry) updateQueueItem(entry, view);
      return;
    }
    removeQueueEntry(view.id);
    if (!view.mine) return;
    var chat = state.chats.get(view.id);
    if (view.status === 'connected') {
      if (!chat) {
        // Accepted in another window of this console.
        chat = openChat(view);
        fetchNewMessages(chat).catch(function () {});
      } else updateChat(chat, view);
    } else if (chat && !chat.ending) {
      if (view.endedBy === 'adviser') {
        removeChat(chat);
        notify('A chat was ended from another window. Outcome recorded: ' + (view.outcome || 'none') + '.');
      } else updateChat(chat, view);
    }
  }

  // ---- Callback requests ---------------------------------------------------------------------

  function yesNo(value) {
    return value === true ? 'Yes' : value === false ? 'No' : 'Not asked';
  }

  function lastChanged(request) {
    return request.statusChangedBy ? request.statusChangedBy + ', ' + formatDateTime(request.statusChangedAt) : 'Not changed yet';
  }

  function cell(text, className) {
    return el('td', className || 'table__cell', text);
  }

  function callbackRow(request) {
    var row = el('tr', 'table__row');
    row.dataset.id = request.id;
    var created = cell('');
    created.appendChild(timeElement(request.createdAt, formatDateTime(request.createdAt)));
    row.appendChild(created);

    var contact = cell('');
    [request.phone, request.email].forEach(function (value) {
      if (value) contact.appendChild(el('span', 'table__line', value));
    });
    if (!contact.firstChild) contact.textContent = 'None given';
    row.appendChild(contact);

    row.appendChild(cell(request.bestTime || 'Not given'));
    row.appendChild(cell(yesNo(request.voicemailOk)));
    row.appendChild(cell(yesNo(request.sayOrganisationOk)));
    row.appendChild(cell(request.avoidTimes || 'None given'));

    var message = cell('', 'table__cell table__cell--wide');
    message.appendChild(el('span', 'table__line', request.message || 'No message'));
    if (request.topic) message.appendChild(el('span', 'table__line hint', 'Topic: ' + request.topic));
    row.appendChild(message);

    var statusCell = cell('');
    var selectId = uniqueId('callback-status');
    var label = el('label', 'visually-hidden', 'Status of the request made ' + formatDateTime(request.createdAt));
    label.htmlFor = selectId;
    statusCell.appendChild(label);
    var select = el('select', 'select select--small');
    select.id = selectId;
    Object.keys(CALLBACK_STATUS_WORDS).forEach(function (status) {
      select.appendChild(new Option(CALLBACK_STATUS_WORDS[status], status, false, status === request.status));
    });
    select.dataset.saved = request.status;
    statusCell.appendChild(select);
    row.appendChild(statusCell);

    var changed = cell(lastChanged(request));
    row.appendChild(changed);

    select.addEventListener('change', function () {
      changeCallbackStatus(request, select, changed);
    });
    return row;
  }

  function changeCallbackStatus(request, select, changedCell) {
    var status = select.value;
    api('POST', API + '/callbacks/' + encodeURIComponent(request.id) + '/status', { status: status })
      .then(function (result) {
        if (!result.ok || !result.body) throw new Error(result.message || 'refused');
        select.dataset.saved = result.body.status;
        changedCell.textContent = lastChanged(result.body);
        announce('Status changed to ' + CALLBACK_STATUS_WORDS[result.body.status] + '.');
      })
      .catch(function (error) {
        select.value = select.dataset.saved;
        showProblem('The status was not changed' + (error && error.message && error.message !== 'refused' ? ': ' + error.message : '.') + ' Please try again.');
      });
  }

  function loadCallbacks() {
    if (state.callbacksLoading) return;
    state.callbacksLoading = true;
    var status = page.callbackFilter.value;
    api('GET', API + '/callbacks' + (status ? '?status=' + encodeURIComponent(status) : ''))
      .then(function (result) {
        if (!result.ok || !result.body) throw new Error('refused');
        renderCallbacks(Array.isArray(result.body.callbacks) ? result.body.callbacks : []);
        page.callbacksUpdated.textContent = 'Updated at ' + timeFormat.format(Date.now()) + '. This list refreshes every minute.';
      })
      .catch(function () {
        page.callbacksUpdated.textContent = 'The callback requests could not be loaded. They will be tried again in a minute.';
      })
      .then(function () {
        state.callbacksLoading = false;
      });
  }

  function renderCallbacks(requests) {
    // Keep the adviser's place if they were on a status menu when the list refreshed.
    var active = document.activeElement;
    var focusedRow = active && page.callbacksBody.contains(active) ? active.closest('tr') : null;
    var focusedId = focusedRow ? focusedRow.dataset.id : null;
    page.callbacksBody.textContent = '';
    requests.forEach(function (request) {
      page.callbacksBody.appendChild(callbackRow(request));
    });
    page.callbacksEmpty.hidden = requests.length > 0;
    page.callbacksWrap.hidden = requests.length === 0;
    if (focusedId) {
      var again = Array.prototype.find.call(page.callbacksBody.rows, function (row) {
        return row.dataset.id === focusedId;
      });
      var select = again && again.querySelector('select');
      if (select) select.focus();
    }
  }

  page.callbackFilterForm.addEventListener('submit', function (event) {
    event.preventDefault();
    loadCallbacks();
  });
  page.callbackFilter.addEventListener('change', loadCallbacks);

  // ---- Start ---------------------------------------------------------------------------------

  function showFatal(message) {
    if (state.events) state.events.close();
    state.leaving = true;
    page.loading.hidden = true;
    page.nav.hidden = true;
    page.headerStatus.hidden = true;
    page.chatsView.hidden = true;
    page.callbacksView.hidden = true;
    page.signOut.hidden = false;
    showProblem(message || 'Your account cannot use the adviser console. Ask an admin if you need it.', 'You cannot use the adviser console');
  }

  function tick() {
    state.queue.forEach(function (entry) {
      entry.waited.textContent = waitedFor(entry.view.requestedAt);
    });
  }

  function start() {
    var askedAt = Date.now();
    api('GET', API + '/state')
      .then(function (result) {
        if (result.status === 403) return showFatal(result.message);
        if (!result.ok || !result.body) throw new Error('state ' + result.status);
        applyState(result.body, askedAt, true);
        page.loading.hidden = true;
        page.headerStatus.hidden = false;
        page.signOut.hidden = false;
        page.nav.hidden = false;
        state.started = true;
        showView(false);
        connectEvents();
        window.setInterval(tick, WAIT_TICK_MS);
        window.setInterval(function () {
          if (!state.leaving) resync();
        }, STATE_EVERY_MS);
      })
      .catch(function () {
        page.loading.hidden = true;
        showProblem('The console could not load. Check your connection, then reload the page.');
      });
  }

  start();
})();
