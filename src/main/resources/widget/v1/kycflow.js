/*
 * kycflow Flow Widget v1: mounts a session's hosted verification page in an iframe on your page and reports what
 * happens there. Events carry where the session stands, never a result: fetch the result from your backend.
 *
 *   FlowWidget.startSession({ id, selector, locale, onStarted, onStepCompleted, onFinished, onFailed, onClosed, onEvent })
 *
 * Messages are accepted only from the kycflow origin that served this script, only from the iframe this call made,
 * and only for its session. The page posts them only to an origin the flow lists in widget_allowed_origins.
 */
(function (window, document) {
  'use strict';
  if (window.FlowWidget) { return; }

  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src, window.location.href).origin : null;
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  var CALLBACKS = { started: 'onStarted', step_completed: 'onStepCompleted', finished: 'onFinished', failed: 'onFailed', closed: 'onClosed' };

  function call(fn, arg) {
    if (typeof fn !== 'function') { return; }
    try { fn(arg); } catch (e) { window.setTimeout(function () { throw e; }); } // an integrator's error stays theirs
  }

  /**
   * Mounts the session's page into the element {@code selector} names (its content is replaced). Returns a handle
   * with destroy(), which removes the iframe and stops listening.
   */
  function startSession(options) {
    options = options || {};
    if (!ORIGIN) { throw new Error('FlowWidget: load kycflow.js with a <script src> from your kycflow server'); }
    var id = String(options.id || '');
    if (!UUID.test(id)) { throw new Error('FlowWidget.startSession: id must be the session_id your backend created'); }
    var container = typeof options.selector === 'string' ? document.querySelector(options.selector) : options.selector;
    if (!container) { throw new Error('FlowWidget.startSession: no element matches selector ' + options.selector); }

    var url = ORIGIN + '/flow/' + id.toLowerCase() + '?widget=true&origin=' + encodeURIComponent(window.location.origin);
    if (/^(en|ru|kz)$/.test(options.locale || '')) { url += '&locale=' + options.locale; }
    var frame = document.createElement('iframe');
    frame.src = url;
    frame.title = options.title || 'Identity verification';
    frame.allow = 'camera';
    frame.referrerPolicy = 'no-referrer';
    frame.style.cssText = 'width:100%;height:640px;border:0;display:block'; // until the page says its height
    container.textContent = '';
    container.appendChild(frame);

    function receive(event) {
      if (event.origin !== ORIGIN || event.source !== frame.contentWindow) { return; }
      var data = event.data;
      if (!data || data.source !== 'kycflow' || data.session_id !== id.toLowerCase()) { return; }
      if (data.event === 'resize' && typeof data.height === 'number') { // the page's height: no scroll box inside the host page
        frame.style.height = Math.max(320, Math.min(Math.round(data.height), 20000)) + 'px';
        return;
      }
      if (!CALLBACKS[data.event]) { return; }
      var detail = JSON.parse(JSON.stringify(data)); // a copy per listener chain: the page cannot change what others see
      call(options[CALLBACKS[data.event]], detail);
      call(options.onEvent, detail);
      if (data.event === 'finished' || data.event === 'failed') {
        window.dispatchEvent(new CustomEvent('finish', { detail: detail }));
      }
    }
    window.addEventListener('message', receive);

    return {
      frame: frame,
      destroy: function () {
        window.removeEventListener('message', receive);
        if (frame.parentNode) { frame.parentNode.removeChild(frame); }
      }
    };
  }

  window.FlowWidget = { version: '1', origin: ORIGIN, startSession: startSession };
})(window, document);
