/*
 * kycflow hosted verification page: capture. Loaded only when a step needs the camera or a photo, after camera.js.
 * Liveness: a selfie preview in an oval, then the challenge as a short burst of frames taken from the video.
 * Document: a card frame over the back camera, or a file; cheap checks in the browser (too dark, glare, blurred)
 * before anything is sent. A camera that cannot be used is said so, with a way out; it is never replaced silently.
 */
(function () {
  'use strict';
  var KF = window.KF;
  var t = KF.t;
  var actions = KF.actions;
  var camera = KF.camera; // camera.js, loaded first
  var openCamera = camera.open;
  var cameraError = camera.error;
  var stopCamera = camera.stop;
  var quality = camera.quality;
  var whole = camera.whole;
  var frameRegion = camera.frameRegion;
  var stopGuides = camera.stopGuides;
  var say = camera.say;
  var guide = camera.guide;
  var jpeg = camera.jpeg;
  var shown = camera.shown;
  var faceGuide = camera.faceGuide;
  var pause = camera.pause;
  var MAX_BYTES = 10 * 1024 * 1024;
  var documents = {};

  // ---- liveness ----

  KF.steps.ld = function (index, again) {
    if (again) { return selfieCamera(index); }
    KF.show('step-' + index + '-prep');
  };

  actions['ld-primer'] = function () { KF.show('step-' + KF.currentStep + '-primer'); };
  actions['ld-camera'] = function () { selfieCamera(KF.currentStep); };

  function selfieCamera(index) {
    var screen = KF.show('step-' + index + '-capture');
    var video = screen.querySelector('video');
    var start = screen.querySelector('[data-action="ld-start"]');
    start.disabled = true;
    say(screen, t('hint.face'), '');
    openCamera('user', video).then(function () {
      start.disabled = false;
      guide(screen, video, function () { return whole(video); }, ['dark'], t('ld.ready'), faceGuide(video));
    }, function (error) {
      cameraError(error, function () { selfieCamera(index); }, index);
    });
  }

  actions['ld-start'] = function (button) {
    var index = KF.currentStep;
    var screen = document.getElementById('step-' + index + '-capture');
    var video = screen.querySelector('video');
    var challenge = KF.cfg.steps[index].challenge;
    button.disabled = true;
    stopGuides();
    screen.querySelector('.viewer').classList.remove('warn');
    var phases = [{ text: t('ld.look'), frames: 3 }, { text: t('ld.' + challenge), frames: 5 }];
    var frames = [];
    var chain = Promise.resolve();
    phases.forEach(function (phase) {
      chain = chain.then(function () {
        say(screen, phase.text, '');
        KF.announce(phase.text);
        return pause(700);
      });
      for (var i = 0; i < phase.frames; i++) {
        chain = chain.then(function () {
          return jpeg(video, whole(video)).then(function (blob) { frames.push(blob); return pause(280); });
        });
      }
    });
    chain.then(function () {
      say(screen, t('ld.done'), 'ok');
      KF.announce(t('photo.taken'));
      stopCamera();
      var data = KF.form(index);
      frames.forEach(function (blob, i) { data.append('frame', blob, 'frame-' + i + '.jpg'); });
      button.disabled = false;
      KF.submit(index, data);
    }, function () {
      button.disabled = false;
      cameraError({ name: 'NotReadableError' }, function () { selfieCamera(index); }, index);
    });
  };

  // ---- document ----

  KF.steps.dr = function (index) {
    documents[index] = null;
    KF.show('step-' + index + '-prep');
  };

  function current() {
    var index = KF.currentStep;
    if (!documents[index]) {
      var chosen = document.querySelector('input[name="step-' + index + '-doc"]:checked');
      var kind = chosen ? chosen.value : 'card';
      documents[index] = { kind: kind, sides: kind === 'card' ? ['front', 'back'] : ['page'], at: 0, images: {},
        flagged: 0, pending: null, method: 'camera' };
    }
    return documents[index];
  }

  function side(doc) {
    return doc.sides[doc.at];
  }

  function sideTitle(screen, doc) {
    screen.querySelector('[data-side-title]').textContent = t('dr.' + side(doc));
  }

  actions['dr-camera'] = function () {
    var doc = current();
    doc.method = 'camera';
    documentCamera(KF.currentStep, doc);
  };

  actions['dr-upload'] = function () {
    var doc = current();
    doc.method = 'upload';
    stopCamera();
    documentUpload(KF.currentStep, doc);
  };

  actions['dr-back'] = function () {
    documents[KF.currentStep] = null;
    KF.show('step-' + KF.currentStep + '-prep');
  };

  actions['dr-back-side'] = function () {
    var doc = current();
    if (doc.method === 'camera') { documentCamera(KF.currentStep, doc); } else { documentUpload(KF.currentStep, doc); }
  };

  function documentCamera(index, doc) {
    var screen = KF.show('step-' + index + '-capture');
    sideTitle(screen, doc);
    var video = screen.querySelector('video');
    var frame = screen.querySelector('.frame');
    var ratio = doc.kind === 'passport' ? 1.42 : 1.586;
    frame.classList.toggle('passport', doc.kind === 'passport');
    var shutter = screen.querySelector('[data-action="dr-shutter"]');
    shutter.disabled = true;
    say(screen, t('dr.' + side(doc)), '');
    openCamera('environment', video).then(function () {
      shutter.disabled = false;
      guide(screen, video, function () { return frameRegion(video, ratio); }, ['dark', 'glare', 'blur'], t('hint.ok'));
    }, function (error) {
      cameraError(error, function () { documentCamera(index, doc); }, index);
    });
  }

  actions['dr-shutter'] = function (button) {
    var index = KF.currentStep;
    var doc = current();
    var screen = document.getElementById('step-' + index + '-capture');
    var video = screen.querySelector('video');
    var region = frameRegion(video, doc.kind === 'passport' ? 1.42 : 1.586);
    var hint = quality(video, region);
    if (hint && doc.flagged < 2) {
      doc.flagged++;
      say(screen, t('hint.' + hint), 'warn');
      KF.announce(t('hint.' + hint), true);
      return;
    }
    button.disabled = true;
    jpeg(video, region).then(function (blob) {
      button.disabled = false;
      accept(index, doc, blob);
    });
  };

  function documentUpload(index, doc) {
    var screen = KF.show('step-' + index + '-upload');
    sideTitle(screen, doc);
    var input = screen.querySelector('input[type="file"]');
    input.value = '';
    screen.querySelector('[data-flagged]').hidden = true;
    input.onchange = function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      if (file.size > MAX_BYTES) { return flag(screen, doc, t('flag.toolarge'), null); }
      decode(file).then(function (image) {
        var region = whole(image);
        var hint = quality(image, region);
        return jpeg(image, region).then(function (blob) {
          if (hint && doc.flagged < 2) {
            doc.flagged++;
            drawPreview(screen, image);
            return flag(screen, doc, t('flag.' + hint), blob);
          }
          accept(index, doc, blob);
        });
      }, function () {
        flag(screen, doc, t('flag.unreadable'), null);
      });
    };
  }

  function decode(file) {
    var url = URL.createObjectURL(file);
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = reject;
      image.src = url;
    }).then(function (image) {
      URL.revokeObjectURL(url);
      return image;
    }, function (error) {
      URL.revokeObjectURL(url);
      throw error;
    });
  }

  function drawPreview(screen, image) {
    var canvas = screen.querySelector('canvas.preview');
    var scale = Math.min(1, 640 / image.width);
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  }

  function flag(screen, doc, text, blob) {
    doc.pending = blob;
    var box = screen.querySelector('[data-flagged]');
    box.hidden = false;
    box.querySelector('[data-flag-text]').textContent = text;
    box.querySelector('canvas.preview').hidden = !blob;
    box.querySelector('[data-action="dr-accept"]').hidden = !blob;
    KF.announce(text, true);
  }

  actions['dr-retake'] = function () {
    var screen = document.getElementById('step-' + KF.currentStep + '-upload');
    screen.querySelector('[data-flagged]').hidden = true;
    var input = screen.querySelector('input[type="file"]');
    input.value = '';
    input.focus();
  };

  actions['dr-accept'] = function () {
    var doc = current();
    if (doc.pending) { accept(KF.currentStep, doc, doc.pending); }
  };

  function accept(index, doc, blob) {
    doc.images[side(doc)] = blob;
    doc.pending = null;
    doc.flagged = 0;
    doc.at++;
    stopCamera();
    KF.announce(t('photo.taken'));
    if (doc.at < doc.sides.length) {
      KF.show('step-' + index + '-turn');
    } else {
      KF.show('step-' + index + '-send');
    }
  }

  actions['dr-send'] = function () {
    var index = KF.currentStep;
    var doc = current();
    var data = KF.form(index);
    data.append('document_front', doc.images.front || doc.images.page, 'document-front.jpg');
    if (doc.images.back) { data.append('document_back', doc.images.back, 'document-back.jpg'); }
    documents[index] = null;
    KF.submit(index, data);
  };
})();
