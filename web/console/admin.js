// Console accounts, for admins: the list of accounts, adding one, and changing one (its role, a new
// password, disabling it). Names and usernames are put on the page with textContent, never as HTML.
// Passwords live only in their form fields: they are sent once, then the field is emptied. Every
// change needs the password entered in the last few minutes; ConsoleKit asks for it when needed.
(function () {
  'use strict';

  var kit = window.ConsoleKit;
  var el = kit.el;
  var clear = kit.clear;
  var visuallyHidden = kit.visuallyHidden;
  var setFieldError = kit.setFieldError;

  var API = '/api/admin/accounts';
  var LOGIN_PAGE = '/console/login';
  var LOGIN_AND_RETURN = '/console/login?next=/console/admin';
  var MIN_PASSWORD_LENGTH = 12;
  var ROLE_NAMES = { adviser: 'Adviser', staff: 'Staff', admin: 'Admin' };
  var HOME_BY_ROLE = {
    adviser: { href: '/console/adviser', text: 'Go to the adviser console' },
    staff: { href: '/console/staff', text: 'Go to the staff dashboard' },
  };
  var NO_SERVER = 'The server cannot be reached. Check your connection and try again.';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var page = {
    name: $('admin-name'),
    pages: $('console-pages'),
    signOut: $('sign-out'),
    loading: $('loading'),
    problem: $('problem'),
    problemTitle: $('problem-title'),
    problemList: $('problem-list'),
    problemNext: $('problem-next'),
    success: $('success'),
    successMessage: $('success-message'),
    content: $('accounts-page'),
    accountsHeading: $('accounts-heading'),
    accountsBody: $('accounts-body'),
    manage: $('manage'),
    manageHeading: $('manage-heading'),
    manageUsername: $('manage-username'),
    manageRole: $('manage-role'),
    roleForm: $('role-form'),
    roleSelect: $('role-select'),
    roleSave: $('role-save'),
    passwordForm: $('password-form'),
    newPassword: $('new-password'),
    newPasswordError: $('new-password-error'),
    passwordSave: $('password-save'),
    disableHint: $('disable-hint'),
    disableSelf: $('disable-self'),
    disableStart: $('disable-start'),
    disableConfirm: $('disable-confirm'),
    disableConfirmTitle: $('disable-confirm-title'),
    disableConfirmText: $('disable-confirm-text'),
    disableYes: $('disable-yes'),
    disableCancel: $('disable-cancel'),
    manageClose: $('manage-close'),
    addForm: $('add-form'),
    addName: $('add-name'),
    addNameError: $('add-name-error'),
    addUsername: $('add-username'),
    addUsernameError: $('add-username-error'),
    addRole: $('add-role'),
    addRoleError: $('add-role-error'),
    addPassword: $('add-password'),
    addPasswordError: $('add-password-error'),
    addSubmit: $('add-submit'),
  };

  var state = {
    me: null,
    accounts: [],
    /** The id of the account open in "Change", or null. */
    selected: null,
    busy: false,
    leaving: false,
  };

  function api(method, path, body) {
    return kit.request(method, path, body, goToLogin);
  }

  function goToLogin() {
    if (state.leaving) return;
    state.leaving = true;
    clearPasswords();
    window.location.assign(LOGIN_AND_RETURN);
  }

  kit.wireSignOut(page.signOut, LOGIN_PAGE, function () {
    state.leaving = true;
    clearPasswords();
  }, function (text) {
    showProblems([{ text: text }]);
  });

  // Passwords are never kept: not even in a form the browser might restore after Back.
  function clearPasswords() {
    page.newPassword.value = '';
    page.addPassword.value = '';
  }
  window.addEventListener('pagehide', clearPasswords);

  // ---- Messages ------------------------------------------------------------------------------

  /**
   * The GOV.UK error summary: each problem is a link to its field when it has one. The summary
   * takes focus so keyboard and screen reader users find it.
   */
  function showProblems(problems, heading) {
    hideSuccess();
    page.problemTitle.textContent = heading || 'There is a problem';
    clear(page.problemList);
    problems.forEach(function (problem) {
      var item = el('li');
      if (problem.field) {
        var link = el('a', 'error-summary__link', problem.text);
        link.href = '#' + problem.field.id;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          problem.field.focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = problem.text;
      }
      page.problemList.appendChild(item);
    });
    page.problemNext.hidden = true;
    page.problem.hidden = false;
    page.problem.focus();
  }

  function hideProblems() {
    page.problem.hidden = true;
    clear(page.problemList);
  }

  /** The GOV.UK success banner, which takes focus so the result is seen and heard. */
  function showSuccess(text) {
    hideProblems();
    page.successMessage.textContent = text;
    page.success.hidden = false;
    page.success.focus();
  }

  function hideSuccess() {
    page.success.hidden = true;
    page.successMessage.textContent = '';
  }

  function serverProblem(result, fallback) {
    return [{ text: (result && result.message) || fallback }];
  }

  function roleName(role) {
    return ROLE_NAMES[role] || String(role);
  }

  /** "Robin's account" with a typographic apostrophe. */
  function accountOf(account) {
    return account.displayName + '\u2019s account';
  }

  function passwordProblem(password) {
    var length = Array.from(password).length;
    if (length === 0) return 'Enter a password.';
    if (length < MIN_PASSWORD_LENGTH) {
      return 'The password must be at least ' + MIN_PASSWORD_LENGTH + ' characters long (this one has ' + length + ').';
    }
    return null;
  }

  function setBusy(button, busy) {
    state.busy = busy;
    if (busy) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }

  function isMe(account) {
    return Boolean(state.me) && String(account.username).toLowerCase() === String(state.me.username).toLowerCase();
  }

  function findAccount(id) {
    for (var i = 0; i < state.accounts.length; i += 1) {
      if (state.accounts[i].id === id) return state.accounts[i];
    }
    return null;
  }

  // ---- The list ------------------------------------------------------------------------------

  function renderAccounts() {
    clear(page.accountsBody);
    state.accounts.forEach(function (account) {
      var row = el('tr');
      row.dataset.id = String(account.id);
      var name = el('th', '', account.displayName);
      name.scope = 'row';
      if (isMe(account)) {
        name.appendChild(document.createTextNode(' '));
        name.appendChild(el('span', 'accounts__you', '(you)'));
      }
      row.appendChild(name);
      row.appendChild(el('td', '', account.username));
      row.appendChild(el('td', '', roleName(account.role)));
      var actions = el('td');
      var change = el('button', 'button button--secondary button--small', 'Change');
      change.type = 'button';
      change.appendChild(visuallyHidden(' ' + accountOf(account)));
      change.setAttribute('aria-controls', 'manage');
      change.setAttribute('aria-expanded', state.selected === account.id ? 'true' : 'false');
      change.addEventListener('click', function () {
        openManage(account.id);
      });
      actions.appendChild(change);
      row.appendChild(actions);
      page.accountsBody.appendChild(row);
    });
  }

  function changeButtonFor(id) {
    var row = page.accountsBody.querySelector('tr[data-id="' + String(Number(id)) + '"]');
    return row ? row.querySelector('button') : null;
  }

  /** Loads the list again. Resolves false when this account may not manage accounts. */
  function loadAccounts() {
    return api('GET', API).then(function (result) {
      if (result.status === 403) {
        showNotAllowed();
        return false;
      }
      if (!result.ok || !result.body || !Array.isArray(result.body.accounts)) throw new Error('accounts ' + result.status);
      state.accounts = result.body.accounts;
      renderAccounts();
      var selected = state.selected === null ? null : findAccount(state.selected);
      if (selected) fillManage(selected);
      else closeManage(false);
      return true;
    });
  }

  // ---- Changing one account ------------------------------------------------------------------

  function fillManage(account) {
    page.manageHeading.textContent = 'Change ' + accountOf(account);
    page.manageUsername.textContent = account.username;
    page.manageRole.textContent = roleName(account.role);
    page.roleSelect.value = account.role;
    var me = isMe(account);
    page.disableStart.hidden = me;
    page.disableHint.hidden = me;
    page.disableSelf.hidden = !me;
    if (me) hideDisableConfirm();
  }

  function openManage(id) {
    var account = findAccount(id);
    if (!account) return;
    if (state.selected !== id) {
      page.newPassword.value = '';
      setFieldError(page.newPasswordError, page.newPassword, '');
      hideDisableConfirm();
    }
    state.selected = id;
    fillManage(account);
    renderAccounts();
    page.manage.hidden = false;
    page.manageHeading.focus();
  }

  /** Hides the "Change" panel; `returnFocus` puts focus back on the row's button. */
  function closeManage(returnFocus) {
    var id = state.selected;
    state.selected = null;
    page.manage.hidden = true;
    page.newPassword.value = '';
    setFieldError(page.newPasswordError, page.newPassword, '');
    hideDisableConfirm();
    renderAccounts();
    var button = id === null ? null : changeButtonFor(id);
    if (returnFocus && button) button.focus();
  }

  function hideDisableConfirm() {
    page.disableConfirm.hidden = true;
    page.disableConfirm.dataset.id = '';
  }

  page.manageClose.addEventListener('click', function () {
    closeManage(true);
  });

  page.roleForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.busy) return;
    var account = findAccount(state.selected);
    if (!account) return;
    var role = page.roleSelect.value;
    if (role === account.role) {
      showProblems([{ text: account.displayName + ' is already ' + articleFor(role) + '. Choose a different role.', field: page.roleSelect }]);
      return;
    }
    setBusy(page.roleSave, true);
    api('POST', API + '/' + encodeURIComponent(account.id) + '/role', { role: role })
      .then(function (result) {
        if (!result.ok) return showProblems(serverProblem(result, 'The role was not changed. Please try again.'));
        var updated = result.body && result.body.role ? result.body : { id: account.id, username: account.username, displayName: account.displayName, role: role };
        return loadAccounts().then(function (allowed) {
          if (allowed) showSuccess(accountOf(updated) + ' (' + updated.username + ') is now ' + articleFor(updated.role) + '.');
        });
      })
      .catch(function () {
        showProblems([{ text: 'The role was not changed. ' + NO_SERVER }]);
      })
      .then(function () {
        setBusy(page.roleSave, false);
      });
  });

  /** "an adviser", "staff", "an admin": to follow "is now" or "as". */
  function articleFor(role) {
    if (role === 'staff') return 'staff';
    return (role === 'adviser' || role === 'admin' ? 'an ' : 'a ') + roleName(role).toLowerCase();
  }

  page.passwordForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.busy) return;
    var account = findAccount(state.selected);
    if (!account) return;
    var problem = passwordProblem(page.newPassword.value);
    setFieldError(page.newPasswordError, page.newPassword, problem || '');
    if (problem) {
      showProblems([{ text: problem, field: page.newPassword }]);
      return;
    }
    setBusy(page.passwordSave, true);
    api('POST', API + '/' + encodeURIComponent(account.id) + '/password', { password: page.newPassword.value })
      .then(function (result) {
        if (!result.ok) return showProblems(serverProblem(result, 'The password was not changed. Please try again.'));
        page.newPassword.value = '';
        // Setting your own password signs you out everywhere, this page included.
        if (isMe(account)) return goToLogin();
        showSuccess('The password for ' + accountOf(account) + ' (' + account.username + ') has been changed. They have been signed out, and must use the new password to sign in.');
      })
      .catch(function () {
        showProblems([{ text: 'The password was not changed. ' + NO_SERVER }]);
      })
      .then(function () {
        setBusy(page.passwordSave, false);
      });
  });

  page.disableStart.addEventListener('click', function () {
    var account = findAccount(state.selected);
    if (!account) return;
    page.disableConfirm.dataset.id = String(account.id);
    page.disableConfirmTitle.textContent = 'Disable ' + accountOf(account) + '?';
    page.disableConfirmText.textContent =
      account.displayName + ' (username ' + account.username + ') will be signed out at once and will not be able to sign in again.';
    page.disableYes.textContent = 'Yes, disable ' + accountOf(account);
    page.disableConfirm.hidden = false;
    page.disableConfirmTitle.focus();
  });

  page.disableCancel.addEventListener('click', function () {
    hideDisableConfirm();
    page.disableStart.focus();
  });

  page.disableConfirm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.busy) return;
    var account = findAccount(Number(page.disableConfirm.dataset.id));
    if (!account || account.id !== state.selected) return;
    setBusy(page.disableYes, true);
    api('POST', API + '/' + encodeURIComponent(account.id) + '/disable')
      .then(function (result) {
        if (!result.ok) return showProblems(serverProblem(result, 'The account was not disabled. Please try again.'));
        state.selected = null;
        page.manage.hidden = true;
        hideDisableConfirm();
        return loadAccounts().then(function (allowed) {
          if (allowed) showSuccess(accountOf(account) + ' (' + account.username + ') has been disabled. They have been signed out and cannot sign in again.');
        });
      })
      .catch(function () {
        showProblems([{ text: 'The account was not disabled. ' + NO_SERVER }]);
      })
      .then(function () {
        setBusy(page.disableYes, false);
      });
  });

  // ---- Adding an account ---------------------------------------------------------------------

  function checkAddForm() {
    var problems = [];
    var name = page.addName.value.trim();
    var username = page.addUsername.value.trim();
    var nameProblem = name ? null : 'Enter a display name.';
    var usernameProblem = !username ? 'Enter a username.' : /\s/.test(username) ? 'The username cannot have spaces in it.' : null;
    var roleProblem = ROLE_NAMES[page.addRole.value] ? null : 'Choose a role.';
    var passwordIssue = passwordProblem(page.addPassword.value);
    setFieldError(page.addNameError, page.addName, nameProblem || '');
    setFieldError(page.addUsernameError, page.addUsername, usernameProblem || '');
    setFieldError(page.addRoleError, page.addRole, roleProblem || '');
    setFieldError(page.addPasswordError, page.addPassword, passwordIssue || '');
    if (nameProblem) problems.push({ text: nameProblem, field: page.addName });
    if (usernameProblem) problems.push({ text: usernameProblem, field: page.addUsername });
    if (roleProblem) problems.push({ text: roleProblem, field: page.addRole });
    if (passwordIssue) problems.push({ text: passwordIssue, field: page.addPassword });
    return problems;
  }

  page.addForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.busy) return;
    var problems = checkAddForm();
    if (problems.length) {
      showProblems(problems);
      return;
    }
    var account = {
      username: page.addUsername.value.trim(),
      displayName: page.addName.value.trim(),
      role: page.addRole.value,
      password: page.addPassword.value,
    };
    setBusy(page.addSubmit, true);
    api('POST', API, account)
      .then(function (result) {
        account.password = '';
        if (!result.ok) return showProblems(serverProblem(result, 'The account was not added. Please try again.'));
        var created = result.body || account;
        page.addForm.reset();
        page.addPassword.value = '';
        return loadAccounts().then(function (allowed) {
          if (allowed) showSuccess('Added ' + accountOf(created) + ' (' + created.username + ') as ' + articleFor(created.role) + '.');
        });
      })
      .catch(function () {
        account.password = '';
        showProblems([{ text: 'The account was not added. ' + NO_SERVER }]);
      })
      .then(function () {
        setBusy(page.addSubmit, false);
      });
  });

  // ---- Start ---------------------------------------------------------------------------------

  function showNotAllowed() {
    state.leaving = true;
    clearPasswords();
    page.loading.hidden = true;
    page.content.hidden = true;
    page.pages.hidden = true;
    showProblems(
      [{ text: 'Your account cannot manage accounts. Only admins can add or change console accounts. Ask an admin if you need something changed.' }],
      'You cannot manage accounts',
    );
    var home = state.me && HOME_BY_ROLE[state.me.role];
    if (home) {
      clear(page.problemNext);
      var link = el('a', '', home.text);
      link.href = home.href;
      page.problemNext.appendChild(link);
      page.problemNext.hidden = false;
    }
  }

  function start() {
    api('GET', '/api/console/me')
      .then(function (me) {
        if (!me.ok || !me.body) throw new Error('me ' + me.status);
        state.me = me.body;
        page.name.textContent = 'Signed in as ' + me.body.displayName;
        page.name.hidden = false;
        page.signOut.hidden = false;
        return loadAccounts();
      })
      .then(function (allowed) {
        if (!allowed) return;
        page.loading.hidden = true;
        page.pages.hidden = false;
        page.content.hidden = false;
      })
      .catch(function () {
        if (state.leaving) return;
        page.loading.hidden = true;
        showProblems([{ text: 'The accounts could not be loaded. Check your connection, then reload the page.' }]);
      });
  }

  start();
})();
