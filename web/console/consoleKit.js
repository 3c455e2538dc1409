// What the console pages share: building elements from text (never HTML), live-region
// announcements, form errors, and talking to the console API, including asking for the password
// again before a sensitive action ("Confirm it's you"). Loaded before each page's own script; it
// defines window.ConsoleKit and nothing else.
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

  // ---- Talking to the console API -----------------------------------------------------------

  /** The code the server sends when a password must be entered again before a sensitive action. */
  var REAUTHENTICATION_REQUIRED = 'ReauthenticationRequired';
  var CANCELLED_MESSAGE = 'Nothing was changed, because you did not enter your password. Try again when you are ready.';

  /** One request, whatever its status. Resolves with { ok, status, body, message, code }. */
  function send(method, path, body) {
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
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        var error = data && typeof data.error === 'object' ? data.error : null;
        return {
          ok: response.ok,
          status: response.status,
          body: data,
          message: (error && typeof error.message === 'string' && error.message) || null,
          code: (error && typeof error.code === 'string' && error.code) || null,
        };
      });
    });
  }

  function leaving() {
    return new Promise(function () {});
  }

  /**
   * One API request. Resolves with { ok, status, body, message }; rejects only when the server
   * cannot be reached. A 401 (signed out, or the session timed out) calls onSignedOut instead.
   * When the server wants the password entered again first, this asks for it ("Confirm it's you")
   * and then sends the same request once more. If the person cancels, it resolves with
   * { ok: false, status: 401, cancelled: true, message } and nothing was changed.
   */
  function request(method, path, body, onSignedOut) {
    return requestOnce(method, path, body, onSignedOut, false);
  }

  function requestOnce(method, path, body, onSignedOut, isRetry) {
    return send(method, path, body).then(function (result) {
      if (result.status !== 401) return result;
      if (result.code !== REAUTHENTICATION_REQUIRED) {
        onSignedOut();
        // The page is leaving: nothing after this should run.
        return leaving();
      }
      // Asked again straight after confirming: give up rather than ask forever.
      if (isRetry) return result;
      return confirmIdentity(result.message, onSignedOut).then(function (confirmed) {
        if (!confirmed) return { ok: false, status: 401, body: result.body, message: CANCELLED_MESSAGE, code: result.code, cancelled: true };
        return requestOnce(method, path, body, onSignedOut, true);
      });
    });
  }

  // ---- "Confirm it's you" --------------------------------------------------------------------

  var reauth = null;
  var waitingForConfirmation = null;
  var signInOptions = null;

  /**
   * Shows the password dialog. Resolves true once the server accepted the password, false when the
   * person cancelled. Requests that need it at the same time share one dialog.
   */
  function confirmIdentity(reason, onSignedOut) {
    if (waitingForConfirmation) return waitingForConfirmation;
    waitingForConfirmation = new Promise(function (resolve) {
      reauth = reauth || buildReauthDialog();
      reauth.open(reason, onSignedOut, function (confirmed) {
        waitingForConfirmation = null;
        resolve(confirmed);
      });
    });
    return waitingForConfirmation;
  }

  function buildReauthDialog() {
    var dialog = el('dialog', 'reauth');
    dialog.id = 'reauth-dialog';
    dialog.setAttribute('aria-labelledby', 'reauth-title');
    dialog.setAttribute('aria-describedby', 'reauth-reason');

    var form = el('form', 'reauth__form');
    form.noValidate = true;
    var title = el('h2', 'reauth__title', 'Confirm it\u2019s you');
    title.id = 'reauth-title';

    // GOV.UK error summary: a list of problems, each a link to the field to fix.
    var summary = el('div', 'error-summary');
    summary.id = 'reauth-error-summary';
    summary.setAttribute('role', 'alert');
    summary.setAttribute('aria-labelledby', 'reauth-error-title');
    summary.tabIndex = -1;
    summary.hidden = true;
    var summaryTitle = el('h3', 'error-summary__title', 'There is a problem');
    summaryTitle.id = 'reauth-error-title';
    var summaryList = el('ul', 'error-summary__list');
    var summaryItem = el('li');
    var summaryLink = el('a', 'error-summary__link');
    summaryLink.href = '#reauth-password';
    summaryItem.appendChild(summaryLink);
    summaryList.appendChild(summaryItem);
    summary.appendChild(summaryTitle);
    summary.appendChild(summaryList);

    var reason = el('p', 'reauth__reason');
    reason.id = 'reauth-reason';
    var after = el('p', 'hint', 'When you have entered it, what you asked for will carry on by itself.');

    var field = el('div', 'field');
    var label = el('label', 'field__label', 'Your password');
    label.htmlFor = 'reauth-password';
    var fieldError = el('p', 'field__error');
    fieldError.id = 'reauth-password-error';
    fieldError.hidden = true;
    var password = el('input', 'field__input field__input--medium');
    password.id = 'reauth-password';
    password.name = 'password';
    password.type = 'password';
    password.autocomplete = 'current-password';
    password.setAttribute('aria-describedby', 'reauth-password-error');
    field.appendChild(label);
    field.appendChild(fieldError);
    field.appendChild(password);

    var buttons = el('div', 'button-group');
    var confirmButton = el('button', 'button', 'Confirm');
    confirmButton.type = 'submit';
    var cancelButton = el('button', 'button button--secondary', 'Cancel');
    cancelButton.type = 'button';
    buttons.appendChild(confirmButton);
    buttons.appendChild(cancelButton);

    // For accounts that sign in with Microsoft: shown only when the site offers it.
    var microsoft = el('p', 'reauth__other');
    microsoft.hidden = true;
    var microsoftLink = el('a', '', 'Confirm with Microsoft instead');
    microsoft.appendChild(microsoftLink);
    microsoft.appendChild(document.createTextNode('. You will come back to this page and need to do what you were doing again.'));

    form.appendChild(title);
    form.appendChild(summary);
    form.appendChild(reason);
    form.appendChild(after);
    form.appendChild(field);
    form.appendChild(buttons);
    form.appendChild(microsoft);
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    var current = null;

    function showError(text) {
      summaryLink.textContent = text;
      summary.hidden = false;
      setFieldError(fieldError, password, text);
      summary.focus();
    }

    function clearError() {
      summary.hidden = true;
      summaryLink.textContent = '';
      setFieldError(fieldError, password, '');
    }

    function setBusy(busy) {
      if (current) current.busy = busy;
      if (busy) confirmButton.setAttribute('aria-disabled', 'true');
      else confirmButton.removeAttribute('aria-disabled');
    }

    /** Closes the dialog (if open) and gives the answer to whoever asked. */
    function finish(confirmed) {
      var asked = current;
      if (!asked) return;
      current = null;
      password.value = '';
      clearError();
      setBusy(false);
      if (dialog.open) dialog.close();
      var back = asked.returnFocus;
      if (back && document.contains(back) && typeof back.focus === 'function') back.focus();
      asked.done(confirmed);
    }

    function offerMicrosoft() {
      signInOptions = signInOptions || send('GET', '/api/console/sign-in-options').catch(function () {
        return null;
      });
      signInOptions.then(function (options) {
        var offered = Boolean(options && options.ok && options.body && options.body.microsoft === true);
        microsoftLink.href = '/api/console/entra/start?reauthenticate=1&return=' + encodeURIComponent(window.location.pathname);
        microsoft.hidden = !offered;
      });
    }

    summaryLink.addEventListener('click', function (event) {
      event.preventDefault();
      password.focus();
    });

    cancelButton.addEventListener('click', function () {
      finish(false);
    });

    // Escape, or anything else that closes the dialog, counts as cancelling.
    dialog.addEventListener('close', function () {
      finish(false);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var asked = current;
      if (!asked || asked.busy) return;
      if (!password.value) {
        showError('Enter your password.');
        return;
      }
      setBusy(true);
      var typed = password.value;
      password.value = '';
      send('POST', '/api/console/reauthenticate', { password: typed })
        .then(function (result) {
          if (current !== asked) return null;
          if (result.ok) return finish(true);
          if (result.status !== 401) return showError(result.message || 'Your password could not be checked. Try again in a few minutes.');
          // A wrong password, or the session itself ended: only the second means signing in again.
          return send('GET', '/api/console/me').then(function (me) {
            if (current !== asked) return;
            if (me.status === 401) {
              current = null;
              asked.onSignedOut();
              return;
            }
            showError(result.message || 'That password is not right. Try again.');
          });
        })
        .catch(function () {
          if (current === asked) showError('Your password could not be checked, because the server cannot be reached. Check your connection and try again.');
        })
        .then(function () {
          if (current === asked) setBusy(false);
        });
    });

    return {
      open: function (message, onSignedOut, done) {
        current = { done: done, onSignedOut: onSignedOut, busy: false, returnFocus: document.activeElement };
        reason.textContent = message || 'For your security, enter your password again before doing this.';
        password.value = '';
        clearError();
        setBusy(false);
        offerMicrosoft();
        dialog.showModal();
        password.focus();
      },
    };
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
    confirmIdentity: confirmIdentity,
  };
})();
