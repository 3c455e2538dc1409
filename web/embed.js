// Adds a "Chat with us" launcher to any site:
//   <script src="https://BOT/embed.js" defer></script>
// The chat runs in an iframe from the bot's own origin. Styles are set through element.style only,
// so a host page with a strict Content-Security-Policy (no 'unsafe-inline') still works.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src || window.familyAdviceBotEmbed) return;
  window.familyAdviceBotEmbed = true;

  var QUICK_EXIT_MESSAGE = 'family-advice-bot:quick-exit';
  var BOT_ORIGIN = new URL(script.src).origin;
  var PANEL_ID = 'family-advice-bot-panel';
  var LABEL_CLOSED = 'Chat with us';
  var LABEL_OPEN = 'Close chat';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var smallScreen = window.matchMedia('(max-width: 480px), (max-height: 560px)');

  var launcher = document.createElement('button');
  var panel = document.createElement('div');
  var iframe = null;
  var isOpen = false;

  // Host pages style buttons and iframes in all sorts of ways: reset what matters, and win with !important.
  var RESET = {
    margin: '0',
    float: 'none',
    top: 'auto',
    left: 'auto',
    width: 'auto',
    height: 'auto',
    'min-width': '0',
    'max-width': 'none',
    'max-height': 'none',
    transform: 'none',
    'text-transform': 'none',
    'text-decoration': 'none',
    'text-align': 'center',
    'letter-spacing': 'normal',
    opacity: '1',
  };

  function setStyles(element, styles) {
    var all = Object.assign({}, RESET, styles);
    Object.keys(all).forEach(function (name) {
      element.style.setProperty(name, all[name], 'important');
    });
  }

  function styleLauncher(focused) {
    setStyles(launcher, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      'z-index': '2147483000',
      'box-sizing': 'border-box',
      'min-height': '48px',
      padding: '10px 20px',
      'font-family': FONT,
      'font-size': '18px',
      'font-weight': '700',
      'line-height': '1.2',
      cursor: 'pointer',
      border: '2px solid transparent',
      'border-radius': '24px',
      // GOV.UK focus style: yellow with a dark underline, visible on any host background.
      color: focused ? '#0b0c0c' : '#ffffff',
      background: focused ? '#ffdd00' : '#1d70b8',
      'box-shadow': focused ? '0 4px 0 #0b0c0c' : '0 2px 0 #003078, 0 2px 12px rgba(0, 0, 0, 0.25)',
      outline: focused ? '3px solid transparent' : 'none',
    });
  }

  function stylePanel() {
    var base = {
      position: 'fixed',
      'z-index': '2147483000',
      display: isOpen ? 'block' : 'none',
      'box-sizing': 'border-box',
      background: '#ffffff',
      border: '1px solid #505a5f',
      'box-shadow': '0 4px 24px rgba(0, 0, 0, 0.3)',
      overflow: 'hidden',
    };
    // Phones: the chat fills the screen above the launcher, which stays reachable to close it.
    var place = smallScreen.matches
      ? { top: '0', left: '0', right: '0', bottom: '80px' }
      : { right: '16px', bottom: '80px', width: 'min(420px, calc(100vw - 32px))', height: 'min(680px, calc(100vh - 112px))', 'border-radius': '8px' };
    setStyles(panel, Object.assign(base, place));
  }

  function createFrame() {
    iframe = document.createElement('iframe');
    iframe.src = BOT_ORIGIN + '/?embedded=1';
    iframe.title = 'Chat: family rights advice';
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    setStyles(iframe, { display: 'block', width: '100%', height: '100%', border: '0' });
    panel.appendChild(iframe);
  }

  function setOpen(open) {
    isOpen = open;
    if (open && !iframe) createFrame();
    launcher.textContent = open ? LABEL_OPEN : LABEL_CLOSED;
    launcher.setAttribute('aria-expanded', String(open));
    stylePanel();
    if (open) iframe.focus();
  }

  launcher.type = 'button';
  launcher.textContent = LABEL_CLOSED;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', PANEL_ID);
  launcher.addEventListener('click', function () {
    setOpen(!isOpen);
  });
  launcher.addEventListener('focus', function () {
    styleLauncher(true);
  });
  launcher.addEventListener('blur', function () {
    styleLauncher(false);
  });
  styleLauncher(false);

  panel.id = PANEL_ID;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Chat');
  stylePanel();
  smallScreen.addEventListener('change', stylePanel);

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen) {
      setOpen(false);
      launcher.focus();
    }
  });

  // Quick Exit pressed inside the chat: this page could give the person away too, so leave it.
  window.addEventListener('message', function (event) {
    if (event.origin !== BOT_ORIGIN || !iframe || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== QUICK_EXIT_MESSAGE || typeof data.url !== 'string') return;
    var url;
    try {
      url = new URL(data.url);
    } catch (e) {
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    document.documentElement.style.setProperty('visibility', 'hidden');
    window.location.replace(url.href);
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
