// The console sign-in page. The session lives in an HttpOnly cookie; this script never sees it.
(function () {
  'use strict';

  var DEFAULT_NEXT = '/console/adviser';
  // Where each role starts when the sign-in page was not asked to go back somewhere. Admins start on
  // the staff dashboard, which links to the adviser console and the accounts page.
  var HOME_BY_ROLE = { adviser: '/console/adviser', staff: '/console/staff', admin: '/console/staff' };
  var form = document.getElementById('sign-in');
  var username = document.getElementById('username');
  var password = document.getElementById('password');
  var summary = document.getElementById('error-summary');
  var message = document.getElementById('error-message');
  var busy = false;

  // Only a path on this site under /console/: never an absolute or protocol-relative address
  // ("//evil.example"), so a link cannot use this page to send someone elsewhere after signing in.
  function nextPage(role) {
    var home = (role && Object.prototype.hasOwnProperty.call(HOME_BY_ROLE, role) && HOME_BY_ROLE[role]) || DEFAULT_NEXT;
    var next = new URLSearchParams(window.location.search).get('next');
    if (!next || next.indexOf('/console/') !== 0) return home;
    try {
      var url = new URL(next, window.location.origin);
      if (url.origin !== window.location.origin || url.pathname === '/console/login') return home;
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return home;
    }
  }

  function showError(text) {
    // Emptied first so a repeated message is announced again.
    message.textContent = '';
    summary.hidden = false;
    window.setTimeout(function () {
      message.textContent = text;
    }, 50);
  }

  function messageFrom(response) {
    return response
      .json()
      .then(function (body) {
        return (body && body.error && body.error.message) || null;
      })
      .catch(function () {
        return null;
      });
  }

  // What went wrong when Microsoft sign-in sent the person back here (?signin=…).
  var MICROSOFT_PROBLEMS = {
    'no-account': 'Microsoft signed you in, but there is no console account for that work email address. Ask an admin to add one.',
    'different-account': 'You confirmed with a different Microsoft account from the one signed in here. Sign in again.',
    cancelled: 'Signing in with Microsoft was cancelled. You can try again.',
    expired: 'Signing in with Microsoft took too long or was started in another window. Please try again.',
    failed: 'Signing in with Microsoft did not work. Please try again.',
    unavailable: 'Microsoft sign-in cannot be reached right now. Try again in a few minutes, or use your password.',
  };

  var problem = new URLSearchParams(window.location.search).get('signin');
  if (problem && Object.prototype.hasOwnProperty.call(MICROSOFT_PROBLEMS, problem)) showError(MICROSOFT_PROBLEMS[problem]);

  fetch('/api/console/sign-in-options', { credentials: 'same-origin' })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (options) {
      if (options && options.microsoft) document.getElementById('microsoft-sign-in').hidden = false;
    })
    .catch(function () {
      // Without the options the password form still works.
    });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    if (!username.value || !password.value) {
      showError('Enter your username and password.');
      (username.value ? password : username).focus();
      return;
    }
    busy = true;
    fetch('/api/console/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Console-Request': '1' },
      body: JSON.stringify({ username: username.value, password: password.value }),
    })
      .then(function (response) {
        if (response.ok) {
          return response
            .json()
            .catch(function () {
              return null;
            })
            .then(function (body) {
              window.location.assign(nextPage(body && body.role));
            });
        }
        return messageFrom(response).then(function (text) {
          password.value = '';
          showError(text || 'Sorry, signing in did not work. Please try again.');
        });
      })
      .catch(function () {
        showError('Sorry, signing in is not working right now. Check your connection and try again in a few minutes.');
      })
      .then(function () {
        busy = false;
      });
  });
})();
