// The charity's chat page: Quick Exit first (it must work even if the chat never starts), then Web Chat.
// Nothing is written to the device: no storage, no cookies; the conversation lives only in memory.
(function () {
  'use strict';

  var QUICK_EXIT_MESSAGE = 'family-advice-bot:quick-exit';
  var CONNECTION_FAILED = 4; // botframework-directlinejs ConnectionStatus.FailedToConnect

  var embedded = window.top !== window.self && new URLSearchParams(window.location.search).get('embedded') === '1';
  var exitButton = document.querySelector('.govuk-exit-this-page__button');
  var statusBox = document.getElementById('chat-status');
  var errorBox = document.getElementById('chat-error');

  // Everything that identifies the conversation; dropped on Quick Exit.
  var chat = { session: null, directLine: null, subscription: null };
  var exited = false;

  if (embedded) document.documentElement.classList.add('is-embedded');

  function isWebUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch (e) {
      return false;
    }
  }

  // ---- Quick Exit ----------------------------------------------------------------------------

  function tellServerToForget() {
    var session = chat.session;
    if (!session) return;
    // Web Chat's Direct Line refreshes the token; the one it holds now is the valid one.
    var token = (chat.directLine && chat.directLine.token) || session.token;
    try {
      fetch(session.domain + '/conversations/' + encodeURIComponent(session.conversationId) + '/activities', {
        method: 'POST',
        keepalive: true, // the page is navigating away; let the request outlive it
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
        body: JSON.stringify({ type: 'event', name: 'quickExit', from: { id: session.userId } }),
      }).catch(function () {});
    } catch (e) {
      // Nothing useful to do: leaving matters more than telling the server.
    }
  }

  function wipeChat() {
    if (chat.subscription) chat.subscription.unsubscribe();
    if (chat.directLine) {
      try {
        chat.directLine.end();
      } catch (e) {
        // already ended
      }
    }
    var host = document.getElementById('webchat');
    if (host) host.remove();
    chat = { session: null, directLine: null, subscription: null };
  }

  function leave(component) {
    var url = exitButton.href;
    if (!exited) {
      exited = true;
      tellServerToForget();
      wipeChat();
    }
    document.body.classList.add('govuk-exit-this-page-hide-content');
    if (component && !component.$overlay) {
      if (component.$updateSpan) component.$updateSpan.textContent = '';
      var overlay = document.createElement('div');
      overlay.className = 'govuk-exit-this-page-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.textContent = component.i18n.t('activated');
      document.body.appendChild(overlay);
      component.$overlay = overlay;
    }
    if (embedded) {
      // The host page may be just as revealing as the chat, so ask it to leave too.
      try {
        window.parent.postMessage({ type: QUICK_EXIT_MESSAGE, url: url }, '*');
      } catch (e) {
        // ignore
      }
      try {
        window.top.location.replace(url);
      } catch (e) {
        // cross-origin or sandboxed: the host page's embed script handles it
      }
    }
    // replace, not href: Back must not bring the chat page back.
    window.location.replace(url);
  }

  function startQuickExit() {
    var GOVUK = window.GOVUKFrontend;
    if (GOVUK && GOVUK.ExitThisPage) {
      class QuickExit extends GOVUK.ExitThisPage {
        exitPage() {
          leave(this);
        }
      }
      try {
        new QuickExit(exitButton.closest('[data-module="govuk-exit-this-page"]'));
        return;
      } catch (e) {
        // fall through to a plain click handler
      }
    }
    exitButton.addEventListener('click', function (event) {
      event.preventDefault();
      leave(null);
    });
  }

  startQuickExit();

  // Registered after the component's own pageshow handler, which un-hides the page.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && exited) {
      document.body.classList.add('govuk-exit-this-page-hide-content');
      window.location.replace(exitButton.href);
    }
  });

  // ---- Chat ----------------------------------------------------------------------------------

  var configRequest = fetchJson('/api/widget-config', { method: 'GET' });
  var tokenRequest = requestToken();

  function fetchJson(url, init) {
    init.credentials = 'same-origin';
    init.cache = 'no-store';
    return fetch(url, init).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  function requestToken() {
    return fetchJson('/api/directline/token', { method: 'POST' });
  }

  function applyConfig(config) {
    if (config && isWebUrl(config.quickExitUrl)) exitButton.href = config.quickExitUrl;
    if (config && typeof config.botDisplayName === 'string' && config.botDisplayName) {
      document.getElementById('bot-name').textContent = config.botDisplayName;
      document.getElementById('chat-heading').textContent = 'Chat with ' + config.botDisplayName;
    }
  }

  function showError() {
    if (exited) return;
    wipeChat();
    statusBox.textContent = '';
    errorBox.hidden = false;
    document.getElementById('chat-error-title').focus();
  }

  function styleOptions() {
    var blue = '#1d70b8';
    var text = '#0b0c0c';
    var secondary = '#505a5f';
    return {
      accent: blue,
      // Bot replies use Markdown for bold and links; HTML inside Markdown is never wanted.
      markdownRenderHTML: false,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      subtle: secondary,
      timestampColor: secondary,
      rootHeight: '100%',
      bubbleBackground: '#f3f2f1',
      bubbleBorderRadius: 8,
      bubbleTextColor: text,
      bubbleFromUserBackground: blue,
      bubbleFromUserBorderRadius: 8,
      bubbleFromUserTextColor: '#ffffff',
      bubbleMaxWidth: 640,
      bubbleMinHeight: 0,
      hideUploadButton: true,
      hideTelephoneKeypadButton: true,
      sendBoxTextColor: text,
      sendBoxPlaceholderColor: secondary,
      sendBoxButtonColor: blue,
      sendBoxBorderTop: 'solid 2px #0b0c0c',
      sendBoxTextWrap: true,
      sendBoxHeight: 56,
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: blue,
      suggestedActionBorderWidth: 2,
      suggestedActionBorderRadius: 6,
      suggestedActionTextColor: blue,
      suggestedActionBackgroundColorOnHover: blue,
      suggestedActionTextColorOnHover: '#ffffff',
      suggestedActionBackgroundColorOnActive: '#003078',
      suggestedActionTextColorOnActive: '#ffffff',
      suggestedActionHeight: 44, // a comfortable touch target; buttons grow when their text wraps
      suggestedActionsStackedLayoutButtonTextWrap: true,
      transcriptTerminatorColor: '#ffffff',
      transcriptTerminatorBackgroundColor: secondary,
    };
  }

  function render(session) {
    if (exited) return;
    var WebChat = window.WebChat;
    var directLine = WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: true });
    chat.session = session;
    chat.directLine = directLine;
    chat.subscription = directLine.connectionStatus$.subscribe(function (status) {
      if (status === CONNECTION_FAILED) showError();
    });

    var host = document.getElementById('webchat');
    if (!host) {
      host = document.createElement('div');
      host.id = 'webchat';
      host.className = 'chat__webchat';
      document.getElementById('chat-region').appendChild(host);
    }
    statusBox.textContent = '';
    WebChat.renderWebChat(
      // No userID: the gateway sets the sender from the token, whatever the page claims.
      // Typing goes to the adviser during a live chat; the bot itself ignores it.
      { directLine: directLine, locale: 'en-GB', styleOptions: styleOptions(), sendTypingIndicator: true },
      host,
    );
  }

  function start(tokens) {
    errorBox.hidden = true;
    statusBox.textContent = 'Starting the chat…';
    tokens.then(render).catch(showError);
  }

  document.getElementById('chat-retry').addEventListener('click', function () {
    start(requestToken());
  });

  configRequest.then(applyConfig).catch(function () {
    // Keep the defaults already in the page; Quick Exit still works.
  });

  // Web Chat's bundle is the next deferred script: it has run by DOMContentLoaded.
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.WebChat) {
      showError();
      return;
    }
    start(tokenRequest);
  });
})();
