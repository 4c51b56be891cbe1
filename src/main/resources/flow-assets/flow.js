/*
 * kycflow hosted verification page: the core. Screens, the session's API (start, handoff, claim, captures,
 * progress), consent, the hand-off to a phone, and the finish. The server is the truth: every screen after an
 * attempt, the finish screen and the redirect follow the progress the server answered, never the page's URL.
 * The capture code (liveness burst, document photos) is in capture.js, after the camera's in camera.js; both are loaded
 * by the first step needing them.
 */
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('kf-config').textContent);
  var texts = JSON.parse(document.getElementById('kf-messages').textContent);
  var base = '/flow/' + cfg.session_id;
  var KF = window.KF = { cfg: cfg, steps: {}, actions: {}, currentStep: -1 };
  var baseTitle = document.title;
  var current = null;
  var leaving = [];
  var pollTimer = null;
  var loaded = {};
  var claimToken = null;
  var handoffExpires = 0;
  var storage = window.sessionStorage;

  function t(key) {
    var text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    for (var i = 1; i < arguments.length; i++) {
      text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return text;
  }

  function remember(name) {
    try { storage.setItem('kf-' + name + '-' + cfg.session_id, '1'); } catch (e) { /* private mode: forget */ }
  }

  function remembered(name) {
    try { return storage.getItem('kf-' + name + '-' + cfg.session_id) === '1'; } catch (e) { return false; }
  }

  function isMobile() {
    var ua = navigator.userAgent;
    return /Android|iPhone|iPad|iPod|Mobile/i.test(ua) || (navigator.maxTouchPoints > 1 && /Macintosh/.test(ua));
  }

  function announce(text, assertive) {
    var region = document.getElementById(assertive ? 'kf-alert' : 'kf-live');
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 60);
  }

  // ---- Flow WebView (?web_view=true) and Flow Widget (?widget=true): the page tells its host what happens ----

  var webView = /[?&]web_view=true(&|$)/.test(window.location.search);
  // the server named the embedding origin only if the flow allows it; never '*', and no redirect inside a frame
  var widgetOrigin = cfg.widget && window.parent !== window ? cfg.widget_origin : null;
  var reported = null; // technology steps already reported as completed, by position
  var startedSent = false;

  /**
   * One event to the native bridges that are present (React Native, iOS WKWebView, Android): where the session stands,
   * never a result or a reason. finished / failed also go out as a CustomEvent('finish') on window.
   */
  function emit(event, extra) {
    if (!webView && !widgetOrigin) { return; }
    var message = { source: 'kycflow', event: event, session_id: cfg.session_id };
    for (var key in extra) {
      if (Object.prototype.hasOwnProperty.call(extra, key)) { message[key] = extra[key]; }
    }
    if (widgetOrigin) {
      try { window.parent.postMessage(message, widgetOrigin); } catch (e) { /* the host went away */ }
      if (!webView) { return; }
    }
    var text = JSON.stringify(message);
    try {
      if (window.ReactNativeWebView && window.ReactNativeWebView.postMessage) { window.ReactNativeWebView.postMessage(text); }
    } catch (e) { /* a bridge that throws must not stop the page */ }
    try {
      if (window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.kycflow) {
        window.webkit.messageHandlers.kycflow.postMessage(message);
      }
    } catch (e) { /* idem */ }
    try {
      if (window.KycflowAndroid && window.KycflowAndroid.postMessage) { window.KycflowAndroid.postMessage(text); }
    } catch (e) { /* idem */ }
    if (event === 'finished' || event === 'failed') {
      window.dispatchEvent(new CustomEvent('finish', { detail: message }));
    }
  }

  // In the widget the frame takes the page's height (the host page scrolls, not a box inside it): the page reports it.
  if (widgetOrigin && window.ResizeObserver) {
    var lastHeight = 0;
    new ResizeObserver(function () {
      var height = Math.ceil(document.body.scrollHeight);
      if (height === lastHeight) { return; }
      lastHeight = height;
      try { window.parent.postMessage({ source: 'kycflow', event: 'resize', session_id: cfg.session_id, height: height }, widgetOrigin); } catch (e) { /* gone */ }
    }).observe(document.body);
  }

  /** started once the session is open in this browser; step_completed for each step the server closed since. */
  function report(progress) {
    if (reported === null) {
      reported = {};
      progress.steps.forEach(function (step, i) { if (step.status === 'PASSED' || step.status === 'FAILED') { reported[i] = true; } });
    }
    if (!startedSent && !progress.finished && !progress.read_only && remembered('consent')) {
      startedSent = true;
      emit('started', { status: progress.status });
    }
    progress.steps.forEach(function (step, i) {
      if (!reported[i] && (step.status === 'PASSED' || step.status === 'FAILED')) {
        reported[i] = true;
        emit('step_completed', { technology: step.technology, step: i + 1, steps: progress.steps.length, status: step.status });
      }
    });
  }

  /** Shows one screen, hides the rest, runs what the last one asked on leaving, moves focus to its heading. */
  function show(id) {
    var next = document.getElementById(id);
    var screens = document.querySelectorAll('.screen');
    for (var i = 0; i < screens.length; i++) {
      if (screens[i] !== next) { screens[i].hidden = true; }
    }
    if (current !== next) {
      leaving.splice(0).forEach(function (hook) { hook(); });
    }
    next.hidden = false;
    if (!current && window.performance && performance.mark) { performance.mark('kf-ready'); } // bench/run --ui
    current = next;
    var heading = next.querySelector('h1');
    window.scrollTo(0, 0);
    if (heading) {
      heading.focus();
      document.title = heading.textContent + ' · ' + baseTitle;
    }
    return next;
  }

  function api(method, path, body, contentType) {
    var headers = { 'X-Kycflow-Flow': '1', 'Accept': 'application/json' };
    if (contentType) { headers['Content-Type'] = contentType; }
    return fetch(base + path, { method: method, headers: headers, body: body, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, body: json || {} };
        });
      }, function () { return { status: 0, body: {} }; });
  }

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = cfg.assets + name + '.js';
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loaded[name];
  }

  function fail(text) {
    stopPolling();
    document.getElementById('kf-error-text').textContent = text;
    show('s-error');
    announce(text, true);
  }

  /** A refusal the page can explain; anything else is an error screen with a way to try again. */
  function refused(answer) {
    var code = answer.body.code;
    if (answer.status === 0) { return fail(t('error.network')); }
    if (code === 'device_not_bound') { return refresh(); }
    if (code === 'engine_unavailable') { return show('s-unavailable'); }
    if (code === 'session_closed' || code === 'step_out_of_order' || code === 'capture_in_progress') { return refresh(); }
    if (answer.status === 429) { return fail(t('error.busy')); }
    return fail(t('error.generic'));
  }

  function currentIndex(progress) {
    for (var i = 0; i < progress.steps.length; i++) {
      if (progress.steps[i].status !== 'PASSED') { return i; }
    }
    return -1;
  }

  /**
   * Two minutes before the link expires the page says so (the person may hurry or ask for a new link); at expiry it
   * asks the server again, which then says EXPIRED.
   */
  var expiryTimers = [];
  function watchExpiry(progress) {
    expiryTimers.splice(0).forEach(window.clearTimeout);
    var notice = document.getElementById('kf-expiry');
    var left = Date.parse(progress.expires_at) - Date.now();
    if (progress.finished || !(left > 0)) { notice.hidden = true; return; }
    var warn = function () {
      notice.textContent = t('expiry.soon', Math.max(1, Math.round((Date.parse(progress.expires_at) - Date.now()) / 60000)));
      notice.hidden = false;
    };
    if (left <= 120000) { warn(); } else { expiryTimers.push(window.setTimeout(warn, left - 120000)); }
    expiryTimers.push(window.setTimeout(function () { refresh(); }, left + 1000));
  }

  /** Where the server says the session stands decides the screen. */
  function route(progress, options) {
    options = options || {};
    KF.progress = progress;
    watchExpiry(progress);
    report(progress);
    if (progress.read_only) { return follow(progress); }
    if (progress.finished) { return finish(progress, options.initial); }
    if (progress.status === 'CREATED' && !remembered('consent')) { return intro(); }
    var index = currentIndex(progress);
    var step = progress.steps[index];
    if (options.after === step.technology && step.attempts > 0) { return retry(index, step); }
    enter(index, false);
  }

  function refresh(options) {
    return api('GET', '/progress').then(function (answer) {
      if (answer.status === 200) { return route(answer.body, options); }
      if (answer.status === 403 && answer.body.code === 'device_not_bound') {
        return show(cfg.bound || claimToken ? 's-other-device' : 's-intro');
      }
      return refused(answer);
    });
  }

  function enter(index, again) {
    var meta = cfg.steps[index];
    KF.currentStep = index;
    if (meta.kind === 'ds') { return show('step-' + index + '-prep'); }
    if (!meta.available) { return show('s-unavailable'); }
    if (meta.kind === 'ld' || meta.kind === 'dr') {
      return load('camera').then(function () { return load('capture'); }).then(function () { KF.steps[meta.kind](index, again); }, function () { fail(t('error.network')); });
    }
    show('step-' + index + '-prep');
    if (meta.kind === 'f2f' && !cfg.sandbox) {
      window.setTimeout(function () { submit(index, null, true); }, 600);
    }
  }

  function retry(index, step) {
    KF.currentStep = index;
    var kind = cfg.steps[index].kind;
    var tips = document.querySelectorAll('#s-retry [data-tips]');
    for (var i = 0; i < tips.length; i++) {
      var which = tips[i].getAttribute('data-tips');
      tips[i].hidden = !(which === kind || (which === 'other' && kind !== 'ld' && kind !== 'dr'));
    }
    document.getElementById('kf-attempts').textContent = t('attempts', step.attempts_left);
    show('s-retry');
  }

  /** A form for one attempt: the sandbox outcome the tester picked, when this is a test session. */
  function form(index) {
    var data = new FormData();
    var picker = document.getElementById('step-' + index + '-outcome');
    if (cfg.sandbox && picker) { data.append('outcome', picker.value); }
    var iin = document.getElementById('step-' + index + '-iin');
    if (iin && iin.value.trim()) { data.append('iin', iin.value.trim()); }
    return data;
  }

  function hasEntries(data) {
    return data && data.keys().next().done === false;
  }

  /** One attempt at the step, with upload progress; the answer is the session's progress, which decides what next. */
  function submit(index, data, quiet) {
    var technology = cfg.steps[index].technology;
    var bar = document.getElementById('kf-upload');
    bar.value = 0;
    if (!quiet) { show('s-checking'); }
    return new Promise(function (resolve) {
      var request = new XMLHttpRequest();
      request.open('POST', base + '/captures?technology=' + encodeURIComponent(technology));
      request.setRequestHeader('X-Kycflow-Flow', '1');
      request.setRequestHeader('Accept', 'application/json');
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) {
          bar.value = Math.round(100 * event.loaded / event.total);
          bar.setAttribute('aria-valuetext', t('uploading', bar.value));
        }
      };
      request.onload = function () {
        var body = {};
        try { body = JSON.parse(request.responseText) || {}; } catch (e) { body = {}; }
        resolve({ status: request.status, body: body });
      };
      request.onerror = function () { resolve({ status: 0, body: {} }); };
      request.send(hasEntries(data) ? data : null);
    }).then(function (answer) {
      if (answer.status === 200) { return route(answer.body, { after: technology }); }
      return refused(answer);
    });
  }

  function intro() {
    var offer = document.querySelector('#s-intro [data-desktop-only]');
    if (offer) { offer.hidden = isMobile() || remembered('phone'); }
    show('s-intro');
  }

  function start() {
    // in the widget the binding cookie must travel inside a cross-site frame: the server then sets it SameSite=None, partitioned
    return api('POST', cfg.widget ? '/start?widget=true' : '/start').then(function (answer) {
      if (answer.status === 403 && answer.body.code === 'device_not_bound') {
        show('s-other-device');
        return null;
      }
      if (answer.status !== 200) { refused(answer); return null; }
      return answer.body;
    });
  }

  // ---- hand-off: this browser shows a QR code, the phone claims it, this page follows ----

  function handoff() {
    stopPolling();
    var screen = show('s-handoff');
    screen.querySelector('[data-action="handoff-new"]').hidden = true;
    document.getElementById('kf-handoff-status').textContent = t('handoff.waiting');
    start().then(function (progress) {
      if (!progress) { return null; }
      if (progress.read_only) { return route(progress); }
      return api('POST', '/handoff').then(function (answer) {
        if (answer.status !== 200) {
          return answer.body.code === 'handoff_used' ? refresh() : refused(answer);
        }
        document.getElementById('kf-qr').innerHTML = answer.body.qr_svg;
        document.getElementById('kf-link').value = answer.body.handoff_url;
        handoffExpires = Date.parse(answer.body.expires_at);
        var until = new Date(handoffExpires).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
        document.getElementById('kf-handoff-expiry').textContent = t('handoff.expires', until);
        poll();
      });
    });
  }

  function poll() {
    stopPolling();
    pollTimer = window.setTimeout(function () {
      api('GET', '/progress').then(function (answer) {
        if (answer.status !== 200) { return poll(); }
        var progress = answer.body;
        if (progress.read_only || progress.finished) { return route(progress); }
        if (handoffExpires && Date.now() > handoffExpires) {
          document.getElementById('kf-handoff-status').textContent = t('handoff.expired');
          document.querySelector('#s-handoff [data-action="handoff-new"]').hidden = false;
        }
        poll();
      });
    }, 2000);
  }

  function stopPolling() {
    if (pollTimer) { window.clearTimeout(pollTimer); pollTimer = null; }
  }

  /** The browser the session was handed off from: it follows the phone until the server says it finished. */
  function follow(progress) {
    if (progress.finished) {
      announce(t('handoff.done'));
      return finish(progress, false);
    }
    if (!current || current.id !== 's-following') { show('s-following'); }
    var index = currentIndex(progress);
    var text = t('handoff.connected', index + 1, progress.steps.length);
    var status = document.getElementById('kf-following-status');
    if (status.textContent !== text) {
      status.textContent = text;
      announce(text);
    }
    poll();
  }

  // ---- the end ----

  function finish(progress, initial) {
    stopPolling();
    if (progress.status === 'EXPIRED') { return expired(); }
    var passed = progress.status === 'FINISHED' || progress.status === 'APPROVED';
    var url = cfg.widget ? null : passed ? cfg.success_url : cfg.failure_url; // the widget's host decides what follows
    if (initial) {
      var back = document.querySelector('#s-done-before [data-return]');
      if (url) { back.href = url; back.hidden = false; }
      return show('s-done-before');
    }
    emit(passed ? 'finished' : 'failed', { status: progress.status });
    if (remembered('phone')) { return show('s-phone-done'); }
    var screen = show(passed ? 's-finished' : 's-failed');
    if (cfg.widget) { screen.querySelector('[data-close]').hidden = true; } // a frame in the host's page: nothing to close
    if (!url) { return screen; }
    if (webView) { // no countdown, no new window: the app intercepts the navigation
      window.location.assign(url);
      return screen;
    }
    var link = screen.querySelector('[data-return]');
    var countdown = screen.querySelector('[data-countdown]');
    screen.querySelector('[data-close]').hidden = true;
    link.href = url;
    link.hidden = false;
    var seconds = 5;
    (function tick() {
      countdown.textContent = t('countdown', seconds);
      if (seconds-- <= 0) { window.location.assign(url); return; }
      window.setTimeout(tick, 1000);
    })();
    return screen;
  }

  function expired() {
    emit('closed', { status: 'EXPIRED', reason: 'expired' });
    var back = document.querySelector('#s-expired [data-return]');
    if (cfg.failure_url && !cfg.widget) { back.href = cfg.failure_url; back.hidden = false; }
    show('s-expired');
  }

  // ---- buttons ----

  var actions = KF.actions;
  actions.agree = function () {
    remember('consent');
    start().then(function (progress) { if (progress) { route(progress); } });
  };
  actions.decline = function () { show('s-decline'); };
  actions['back-intro'] = function () { stopPolling(); intro(); };
  /** The refusal is recorded by the server (the session ends FAILED, user_declined) before the page says goodbye. */
  actions['decline-confirm'] = function () {
    api('POST', cfg.widget ? '/decline?widget=true' : '/decline').then(function (answer) {
      if (answer.status !== 200) { return answer.body.code === 'session_closed' ? refresh() : refused(answer); }
      stopPolling();
      emit('closed', { reason: 'declined', status: answer.body.status });
      if (cfg.failure_url && !cfg.widget) { window.location.assign(cfg.failure_url); } else { show('s-declined'); }
    });
  };
  actions.handoff = handoff;
  actions['handoff-new'] = handoff;
  actions.copy = function () {
    var link = document.getElementById('kf-link');
    var done = function () { announce(t('copied')); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link.value).then(done, function () { link.select(); });
    } else {
      link.select();
    }
  };
  actions.claim = function () {
    api('POST', '/claim', JSON.stringify({ handoff_token: claimToken }), 'application/json').then(function (answer) {
      try { storage.removeItem('kf-claim-' + cfg.session_id); } catch (e) { /* private mode */ }
      if (answer.status === 200) {
        remember('phone');
        return route(answer.body);
      }
      var reason = answer.body.code;
      if (answer.status === 403 && /^handoff_/.test(reason)) {
        var reasons = document.querySelectorAll('#s-claim-error [data-reason]');
        var known = reason === 'handoff_used' || reason === 'handoff_expired' ? reason : 'other';
        for (var i = 0; i < reasons.length; i++) {
          reasons[i].hidden = reasons[i].getAttribute('data-reason').split(' ').indexOf(known) < 0;
        }
        return show('s-claim-error');
      }
      return refused(answer);
    });
  };
  actions['claim-no'] = function () {
    try { storage.removeItem('kf-claim-' + cfg.session_id); } catch (e) { /* private mode */ }
    show('s-claim-refused');
  };
  actions.reload = function () { window.location.reload(); };
  actions.retry = function () { enter(KF.currentStep, true); };
  actions['f2f-run'] = function () { submit(KF.currentStep, form(KF.currentStep), true); };
  actions['ed-share'] = function () {
    // The IIN is checked here so a typo costs no attempt; the sandbox may leave it empty (its default test identity).
    var iin = document.getElementById('step-' + KF.currentStep + '-iin');
    var value = iin ? iin.value.trim() : '';
    var error = iin && iin.parentNode.querySelector('[data-iin-error]');
    if (iin && (value || !cfg.sandbox) && !/^[0-9]{12}$/.test(value)) {
      error.hidden = false;
      iin.setAttribute('aria-invalid', 'true');
      iin.focus();
      return;
    }
    if (error) { error.hidden = true; iin.removeAttribute('aria-invalid'); }
    submit(KF.currentStep, form(KF.currentStep));
  };

  actions['ds-send'] = function () {
    var screen = document.getElementById('step-' + KF.currentStep + '-prep');
    var input = document.getElementById('step-' + KF.currentStep + '-signature');
    var file = input && input.files[0];
    var missing = screen.querySelector('[data-signature-missing]');
    var large = screen.querySelector('[data-signature-large]');
    missing.hidden = !!file;
    large.hidden = !file || file.size <= 1048576; // checked here too, so a wrong file costs no attempt
    if (!missing.hidden || !large.hidden) { input.focus(); return; }
    var data = form(KF.currentStep);
    data.append('signed_file', file, file.name);
    submit(KF.currentStep, data);
  };

  document.addEventListener('change', function (event) {
    if (!event.target.hasAttribute || !event.target.hasAttribute('data-signature-file')) { return; }
    var file = event.target.files[0];
    var screen = event.target.closest('.screen');
    var chosen = screen.querySelector('[data-signature-chosen]');
    screen.querySelector('[data-signature-missing]').hidden = true;
    screen.querySelector('[data-signature-large]').hidden = true;
    chosen.textContent = file ? chosen.getAttribute('data-pattern').replace('{0}', file.name)
        .replace('{1}', String(Math.max(1, Math.round(file.size / 1024)))) : '';
  });

  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-action]');
    if (!target || target.disabled) { return; }
    var action = actions[target.getAttribute('data-action')];
    if (action) {
      event.preventDefault();
      action(target);
    }
  });

  KF.t = t;
  KF.show = show;
  KF.announce = announce;
  KF.onLeave = function (hook) { leaving.push(hook); };
  KF.form = form;
  KF.api = api;
  KF.submit = submit;
  KF.fail = fail;
  KF.handoff = handoff;
  KF.canHandOff = function () { return cfg.handoff && !remembered('phone'); };

  // ---- where to begin ----

  // a hand-off link opened in a tab already showing this page changes only the fragment: start over with it
  window.addEventListener('hashchange', function () {
    if (/[#&]handoff=/.test(window.location.hash)) { window.location.reload(); }
  });

  var fragment = /[#&]handoff=([A-Za-z0-9_-]{10,})/.exec(window.location.hash);
  var kept = null;
  try { kept = storage.getItem('kf-claim-' + cfg.session_id); } catch (e) { kept = null; }
  if (fragment || kept) {
    // out of the address bar (and so out of a copied link), kept for this tab until claimed (a language switch reloads)
    claimToken = fragment ? fragment[1] : kept;
    try { storage.setItem('kf-claim-' + cfg.session_id, claimToken); } catch (e) { /* private mode */ }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    show('s-claim');
  } else if (cfg.expired) {
    expired();
  } else {
    api('GET', '/progress').then(function (answer) {
      if (answer.status === 200) { return route(answer.body, { initial: true }); }
      if (answer.status === 403 && answer.body.code === 'device_not_bound') {
        if (cfg.bound) { return show(/^(CREATED|IN_PROGRESS)$/.test(cfg.status) ? 's-other-device' : 's-closed'); }
        if (cfg.always_mobile && !isMobile()) { return handoff(); }
        return intro();
      }
      return refused(answer);
    });
  }
})();
