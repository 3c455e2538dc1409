// The console sign-in page. The session lives in an HttpOnly cookie; this script never sees it.
(function () {
  'use strict';

  var DEFAULT_NEXT = '/console/adviser';
  var form = document.getElementById('sign-in');
  var username = document.getElementById('username');
  var password = document.getElementById('password');
  var summary = document.getElementById('error-summary');
  var message = document.getElementById('error-message');
  var busy = false;

  // Only a path on this site under /console/: never an absolute or protocol-relative address
  // ("//evil.example"), so a link cannot use this page to send someone elsewhere after signing in.
  function nextPage() {
    var next = new URLSearchParams(window.location.search).get('next');
    if (!next || next.indexOf('/console/') !== 0) return DEFAULT_NEXT;
    try {
      var url = new URL(next, window.location.origin);
      if (url.origin !== window.location.origin || url.pathname === '/console/login') return DEFAULT_NEXT;
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return DEFAULT_NEXT;
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
          window.location.assign(nextPage());
          return;
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
