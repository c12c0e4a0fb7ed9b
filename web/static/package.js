/* Kuza: the run-time API a SCORM package's pages look for, in the lesson
 * page around them: `API` (SCORM 1.2) or `API_1484_11` (2004), from
 * scorm-again, loaded just before this file. The page gives the address
 * of the SCO, where each commit goes (signed for this learner's run), and
 * the data to start from. Commits made while the browser is offline are
 * kept by scorm-again and sent, in order, once it is back online. When
 * the SCO ends, the learner goes where it asked (the next or previous
 * SCO, one chosen) or back to the lesson page. */
(function () {
  'use strict';
  var box = document.getElementById('kuza-package');
  var frame = document.getElementById('kuza-package-frame');
  if (!box || !frame) return;
  var at = function (name) { return box.getAttribute('data-' + name); };
  var data = JSON.parse(document.getElementById('kuza-package-data').textContent);
  var v12 = at('standard') === 'scorm_1.2';
  var settings = {
    lmsCommitUrl: at('commit'),
    autocommit: true,
    autocommitSeconds: 30,
    logLevel: 4,
    enableOfflineSupport: true,
    courseId: at('store'),
    syncOnInitialize: true,
    syncOnTerminate: true
  };
  // scorm-again keeps the data of the last commit made offline and loads
  // it into every later session of the same store; once nothing waits to
  // be sent, the server's data is newer, so the copy goes.
  try {
    var queue = JSON.parse(window.localStorage.getItem('scorm_again_sync_queue') || '[]');
    var waiting = queue.some(function (item) { return item.courseId === settings.courseId; });
    if (!waiting) window.localStorage.removeItem('scorm_again_offline_data_' + settings.courseId);
  } catch (e) { /* no storage: nothing kept either */ }
  var api = v12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  api.loadFromJSON(data);
  var moving = false;
  var go = function (to) {
    if (moving) return;
    moving = true;
    window.setTimeout(function () { window.location.assign(to || at('exit')); }, 0);
  };
  if (v12) {
    window.API = api;
    api.on('LMSFinish', function () {
      var status = api.cmi.core.lesson_status;
      go(status === 'passed' || status === 'completed' ? at('next') : at('exit'));
    });
  } else {
    window.API_1484_11 = api;
    api.on('SequenceNext', function () { go(at('next')); });
    api.on('SequencePrevious', function () { go(at('previous')); });
    api.on('SequenceChoice', function (element, target) {
      go(target ? at('choice') + encodeURIComponent(target) : at('exit'));
    });
    ['SequenceExit', 'SequenceExitAll', 'SequenceAbandon', 'SequenceAbandonAll'].forEach(function (e) {
      api.on(e, function () { go(at('exit')); });
    });
    api.on('Terminate', function () {
      window.setTimeout(function () { go(at('exit')); }, 50);
    });
  }
  frame.src = at('src');
})();
