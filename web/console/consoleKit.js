// What the adviser console and the staff dashboard share: building elements from text (never
// HTML), live-region announcements, form errors, and talking to the console API. Loaded before
// each page's own script; it defines window.ConsoleKit and nothing else.
(function () {
  'use strict';

  var nextId = 0;

  /** A unique element id, for labels and aria-describedby. */
  function uniqueId(prefix) {
    nextId += 1;
    return prefix + '-' + nextId;
  }

  /** An element with an optional class and text; the text is never read as HTML. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function visuallyHidden(text) {
    return el('span', 'visually-hidden', text);
  }

  function clear(node) {
    node.textContent = '';
  }

  function timeElement(iso, text) {
    var time = el('time', '', text);
    time.dateTime = iso;
    return time;
  }

  /** Puts text in a live region so screen readers say it; emptied first so a repeat is said again. */
  function say(region, text) {
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = text;
    }, 50);
  }

  function setFieldError(errorElement, control, text) {
    errorElement.textContent = text ? 'Error: ' + text : '';
    errorElement.hidden = !text;
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }

  /**
   * One API request. Resolves with { ok, status, body, message }; rejects only when the server
   * cannot be reached. A 401 (signed out, or the session timed out) calls onSignedOut instead.
   */
  function request(method, path, body, onSignedOut) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-Console-Request'] = '1';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) {
        onSignedOut();
        // The page is leaving: nothing after this should run.
        return new Promise(function () {});
      }
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        return {
          ok: response.ok,
          status: response.status,
          body: data,
          message: (data && data.error && typeof data.error.message === 'string' && data.error.message) || null,
        };
      });
    });
  }

  /** The page's "There is a problem" box. */
  function problemBox(box, title, message) {
    return {
      show: function (text, heading) {
        title.textContent = heading || 'There is a problem';
        message.textContent = text;
        box.hidden = false;
      },
      clear: function () {
        box.hidden = true;
        message.textContent = '';
      },
    };
  }

  /** Sign out: end the session on the server, run `beforeLeave`, go to the sign-in page. */
  function wireSignOut(button, loginPage, beforeLeave, showProblem) {
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      fetch('/api/console/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-Console-Request': '1' } })
        .then(function (response) {
          if (!response.ok) throw new Error('logout ' + response.status);
          beforeLeave();
          window.location.assign(loginPage);
        })
        .catch(function () {
          button.removeAttribute('aria-disabled');
          showProblem('Signing out did not work. Check your connection and try again.');
        });
    });
  }

  window.ConsoleKit = {
    problemBox: problemBox,
    wireSignOut: wireSignOut,
    uniqueId: uniqueId,
    el: el,
    visuallyHidden: visuallyHidden,
    clear: clear,
    timeElement: timeElement,
    say: say,
    setFieldError: setFieldError,
    request: request,
  };
})();
