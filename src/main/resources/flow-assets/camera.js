/*
 * kycflow hosted verification page: the camera and the cheap checks on its picture (too dark, glare, blurred; the
 * server's face hint), shared by the liveness and document screens of capture.js, which loads after it as KF.camera.
 * A camera that cannot be used is said so, with a way out; it is never replaced silently.
 */
(function () {
  'use strict';
  var KF = window.KF;
  var t = KF.t;
  var actions = KF.actions;
  var stream = null;
  var guideTimer = null;
  var faceTimer = null;
  var cameraAgain = null;
  var work = document.createElement('canvas');
  var workContext = work.getContext('2d', { willReadFrequently: true });
  var MAX_SIDE = 1920;

  // ---- the camera ----

  function stopCamera() {
    stopGuides();
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    var videos = document.querySelectorAll('video');
    for (var i = 0; i < videos.length; i++) { videos[i].srcObject = null; }
  }

  function cameraKind(error) {
    var name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') { return 'denied'; }
    if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') { return 'notfound'; }
    if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') { return 'busy'; }
    return 'unsupported';
  }

  /** Opens the camera facing {@code facing} into {@code video}; looser constraints only when the ideal ones cannot be met. */
  function openCamera(facing, video) {
    stopCamera();
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return Promise.reject({ name: 'NotSupported' });
    }
    var ideal = { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 }, resizeMode: 'none' };
    return navigator.mediaDevices.getUserMedia({ video: ideal, audio: false }).catch(function (error) {
      if (error && error.name === 'OverconstrainedError') {
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: facing }, audio: false });
      }
      throw error;
    }).then(function (opened) {
      return skipInfrared(opened, facing);
    }).then(function (opened) {
      stream = opened;
      KF.onLeave(stopCamera);
      video.muted = true;
      video.setAttribute('playsinline', '');
      video.srcObject = opened;
      var playing = video.play();
      return Promise.resolve(playing).catch(function () { return null; }).then(function () { return ready(video); });
    });
  }

  /** An infrared camera (some laptops have one beside the normal one) gives a grey picture: take another if there is one. */
  function skipInfrared(opened, facing) {
    var track = opened.getVideoTracks()[0];
    if (!track || !/infrared|\bIR\b/i.test(track.label) || !navigator.mediaDevices.enumerateDevices) { return opened; }
    return navigator.mediaDevices.enumerateDevices().then(function (devices) {
      var other = devices.filter(function (d) { return d.kind === 'videoinput' && !/infrared|\bIR\b/i.test(d.label); })[0];
      if (!other) { return opened; }
      opened.getTracks().forEach(function (each) { each.stop(); });
      return navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: other.deviceId }, facingMode: facing }, audio: false });
    });
  }

  function ready(video) {
    return new Promise(function (resolve) {
      (function wait() {
        if (video.videoWidth > 0 && video.readyState >= 2) { resolve(video); } else { window.setTimeout(wait, 50); }
      })();
    });
  }

  function cameraError(error, again, index) {
    stopCamera();
    var kind = cameraKind(error);
    cameraAgain = again;
    var screen = document.getElementById('s-camera-error');
    screen.querySelector('[data-camera-title]').textContent = t('camera.' + kind);
    var parts = screen.querySelectorAll('[data-camera]');
    for (var i = 0; i < parts.length; i++) { parts[i].hidden = parts[i].getAttribute('data-camera') !== kind; }
    screen.querySelector('[data-needs-handoff]').hidden = !KF.canHandOff();
    screen.querySelector('[data-needs-upload]').hidden = KF.cfg.steps[index].kind !== 'dr';
    KF.show('s-camera-error');
    KF.announce(t('camera.' + kind), true);
  }

  actions['camera-retry'] = function () { if (cameraAgain) { cameraAgain(); } };

  // ---- cheap image checks: too dark, glare, blurred (in that order; one hint at a time) ----

  /** Looks at {@code region} of {@code source} scaled to about 320 px wide. */
  function quality(source, region) {
    var width = Math.min(320, Math.round(region.w));
    var height = Math.max(1, Math.round(width * region.h / region.w));
    work.width = width;
    work.height = height;
    workContext.drawImage(source, region.x, region.y, region.w, region.h, 0, 0, width, height);
    var pixels = workContext.getImageData(0, 0, width, height).data;
    var count = width * height;
    var luma = new Float32Array(count);
    var sum = 0;
    var bright = 0;
    for (var i = 0, p = 0; i < count; i++, p += 4) {
      var y = 0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2];
      luma[i] = y;
      sum += y;
      if (y > 248) { bright++; }
    }
    var laplace = 0;
    var laplaceSquares = 0;
    var n = 0;
    for (var row = 1; row < height - 1; row++) {
      for (var column = 1; column < width - 1; column++) {
        var c = row * width + column;
        var value = 4 * luma[c] - luma[c - 1] - luma[c + 1] - luma[c - width] - luma[c + width];
        laplace += value;
        laplaceSquares += value * value;
        n++;
      }
    }
    var mean = sum / count;
    var variance = n ? laplaceSquares / n - (laplace / n) * (laplace / n) : 0;
    if (mean < 55) { return 'dark'; }
    if (bright / count > 0.04 && mean < 235) { return 'glare'; }
    if (variance < 25) { return 'blur'; }
    return null;
  }

  function whole(source) {
    return { x: 0, y: 0, w: source.videoWidth || source.width, h: source.videoHeight || source.height };
  }

  /** The part of the video under the document frame (the frame is centred, 86% of the viewer's width). */
  function frameRegion(video, ratio) {
    var vw = video.videoWidth;
    var vh = video.videoHeight;
    var box = video.getBoundingClientRect();
    var scale = Math.max(box.width / vw, box.height / vh); // object-fit: cover
    var w = Math.min(vw, 0.86 * box.width / scale);
    var h = Math.min(vh, w / ratio);
    return { x: (vw - w) / 2, y: (vh - h) / 2, w: w, h: h };
  }

  function stopGuides() {
    if (guideTimer) { window.clearInterval(guideTimer); guideTimer = null; }
    if (faceTimer) { window.clearInterval(faceTimer); faceTimer = null; }
  }

  function say(screen, text, tone) {
    var line = screen.querySelector('[data-instruction]');
    if (line.textContent !== text) { line.textContent = text; }
    line.className = 'instruction' + (tone ? ' ' + tone : '');
  }

  /**
   * Every 200 ms while the screen is visible: one hint, or "looks good". What is said changes only once the same
   * reading held for three checks in a row, so the live region is not flooded by a flickering picture.
   * {@code face()}, when given, adds the server's latest face hint (see faceGuide) after the local checks.
   */
  function guide(screen, video, region, kinds, okText, face) {
    var viewer = screen.querySelector('.viewer');
    var seen = 'none';
    var held = 0;
    guideTimer = window.setInterval(function () {
      if (document.hidden || !video.videoWidth) { return; }
      var hint = quality(video, region());
      if (hint && kinds.indexOf(hint) < 0) { hint = null; }
      var faceHint = !hint && face ? face() : null;
      var reading = hint || (faceHint ? 'face.' + faceHint : 'ok');
      held = reading === seen ? held + 1 : 1;
      seen = reading;
      if (held !== 3) { return; }
      var good = !hint && (!faceHint || faceHint === 'ok');
      viewer.classList.toggle('good', good);
      viewer.classList.toggle('warn', !good && !!faceHint);
      var text = hint ? t('hint.' + hint) : faceHint ? t('face.' + faceHint) : okText;
      say(screen, text, good ? 'ok' : 'warn');
    }, 200);
  }

  /** A JPEG of at most 1920 px a side from an image, a video or a region of one. */
  function jpeg(source, region) {
    var scale = Math.min(1, MAX_SIDE / Math.max(region.w, region.h));
    var canvas = document.createElement('canvas');
    canvas.width = Math.round(region.w * scale);
    canvas.height = Math.round(region.h * scale);
    canvas.getContext('2d').drawImage(source, region.x, region.y, region.w, region.h, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.88); });
  }

  /** The part of the video the viewer shows (object-fit: cover), where the oval is drawn. */
  function shown(video) {
    var box = video.getBoundingClientRect();
    var scale = Math.max(box.width / video.videoWidth, box.height / video.videoHeight);
    var w = Math.min(video.videoWidth, box.width / scale);
    var h = Math.min(video.videoHeight, box.height / scale);
    return { x: (video.videoWidth - w) / 2, y: (video.videoHeight - h) / 2, w: w, h: h };
  }

  /**
   * Every ~700 ms while the selfie screen is up and visible: one small JPEG (at most 320 px a side) of what the
   * viewer shows goes to the server's face detector, one at a time; the answer is kept for guide() to say. Nothing
   * is stored there. It stops for good when the server has no face models or refuses (the step moved on), and with
   * the camera. A sandbox camera (the test browsers' fake one) shows no face: that is not said there.
   */
  function faceGuide(video) {
    var latest = null;
    var busy = false;
    var timer = faceTimer = window.setInterval(function () {
      if (busy || document.hidden || !video.videoWidth || !video.getBoundingClientRect().width) { return; }
      busy = true;
      var region = shown(video);
      var scale = Math.min(1, 320 / Math.max(region.w, region.h));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(region.w * scale);
      canvas.height = Math.round(region.h * scale);
      canvas.getContext('2d').drawImage(video, region.x, region.y, region.w, region.h, 0, 0, canvas.width, canvas.height);
      new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.7); }).then(function (blob) {
        return blob ? KF.api('POST', '/guidance', blob, 'image/jpeg') : { status: 0, body: {} };
      }).then(function (answer) {
        busy = false;
        var hint = answer.body.hint;
        if (answer.status === 200 && hint !== 'unavailable') {
          latest = KF.cfg.sandbox && hint === 'no_face' ? null : hint;
        } else if (answer.status !== 429 && answer.status !== 0) {
          window.clearInterval(timer); // this loop's own timer: a late answer must not stop a reopened camera's
          if (faceTimer === timer) { faceTimer = null; }
          latest = null;
        }
      });
    }, 700);
    return function () { return latest; };
  }

  function pause(ms) {
    return new Promise(function (resolve) { window.setTimeout(resolve, ms); });
  }

  KF.camera = {
    open: openCamera, error: cameraError, stop: stopCamera, quality: quality, whole: whole, frameRegion: frameRegion,
    stopGuides: stopGuides, say: say, guide: guide, jpeg: jpeg, shown: shown, faceGuide: faceGuide, pause: pause
  };
})();
