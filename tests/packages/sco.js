/* A SCO's pages, as authoring tools write them: find the run-time API in
 * the frames above, start, resume where the learner left (location and
 * suspend data), record an interaction and a score, and finish. */
(function () {
  'use strict';
  var find = function (name) {
    var w = window;
    for (var i = 0; w && i < 10; i++) {
      if (w[name]) return w[name];
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  var v12 = !find('API_1484_11');
  var raw = v12 ? find('API') : find('API_1484_11');
  var out = document.getElementById('status');
  if (!raw) { out.textContent = 'No LMS'; return; }
  var lms = v12 ? {
    start: function () { return raw.LMSInitialize(''); },
    get: function (k) { return raw.LMSGetValue(k); },
    set: function (k, v) { return raw.LMSSetValue(k, v); },
    commit: function () { return raw.LMSCommit(''); },
    finish: function () { return raw.LMSFinish(''); },
    error: function () { return raw.LMSGetLastError(); }
  } : {
    start: function () { return raw.Initialize(''); },
    get: function (k) { return raw.GetValue(k); },
    set: function (k, v) { return raw.SetValue(k, v); },
    commit: function () { return raw.Commit(''); },
    finish: function () { return raw.Terminate(''); },
    error: function () { return raw.GetLastError(); }
  };
  var el = function (k12, k2004) { return v12 ? k12 : k2004; };
  var params = new URLSearchParams(window.location.search);
  var part = params.get('part') || 'lesson';
  lms.start();
  var name = lms.get(el('cmi.core.student_name', 'cmi.learner_name'));
  document.getElementById('learner').textContent = name;
  var entry = lms.get(el('cmi.core.entry', 'cmi.entry'));
  document.getElementById('entry').textContent = entry || 'none';
  var status = function (text) { out.textContent = text; };
  var show = function (id) {
    ['intro', 'page', 'quiz', 'result'].forEach(function (p) {
      document.getElementById(p).hidden = p !== id;
    });
  };
  if (part === 'intro') {
    show('intro');
    lms.set(el('cmi.core.lesson_status', 'cmi.completion_status'), 'completed');
    lms.commit();
    status('Introduction viewed');
    document.getElementById('intro-done').onclick = function () {
      if (!v12) lms.set('adl.nav.request', 'continue');
      lms.finish();
    };
    return;
  }
  var state = { page: 1, answer: '' };
  try {
    var kept = lms.get('cmi.suspend_data');
    if (kept) state = JSON.parse(kept);
  } catch (e) { state = { page: 1, answer: '' }; }
  var render = function () {
    if (state.page <= 2) {
      show('page');
      document.getElementById('page-number').textContent = 'Page ' + state.page + ' of 3';
    } else {
      show('quiz');
    }
    status(entry === 'resume' ? 'Resumed at page ' + state.page : 'At page ' + state.page);
  };
  var save = function () {
    lms.set(el('cmi.core.lesson_location', 'cmi.location'), 'page-' + state.page);
    lms.set('cmi.suspend_data', JSON.stringify(state));
    if (v12) {
      if (lms.get('cmi.core.lesson_status') === 'not attempted') lms.set('cmi.core.lesson_status', 'incomplete');
    } else {
      lms.set('cmi.completion_status', 'incomplete');
      lms.set('cmi.progress_measure', String(Math.min(state.page, 3) / 4));
    }
    lms.commit();
  };
  document.getElementById('next').onclick = function () {
    state.page += 1;
    save();
    render();
  };
  document.getElementById('save-exit').onclick = function () {
    save();
    lms.set(el('cmi.core.exit', 'cmi.exit'), 'suspend');
    if (!v12) lms.set('adl.nav.request', 'suspendAll');
    lms.finish();
  };
  document.getElementById('submit').onclick = function () {
    var chosen = document.querySelector('input[name="q1"]:checked');
    var answer = chosen ? chosen.value : '';
    var right = answer === 'b';
    var score = right ? 100 : 0;
    lms.set('cmi.interactions.0.id', 'q1');
    lms.set('cmi.interactions.0.type', 'choice');
    lms.set(el('cmi.interactions.0.student_response', 'cmi.interactions.0.learner_response'), answer);
    lms.set('cmi.interactions.0.result', right ? 'correct' : el('wrong', 'incorrect'));
    lms.set(el('cmi.core.score.min', 'cmi.score.min'), '0');
    lms.set(el('cmi.core.score.max', 'cmi.score.max'), '100');
    lms.set(el('cmi.core.score.raw', 'cmi.score.raw'), String(score));
    if (v12) {
      lms.set('cmi.core.lesson_status', right ? 'passed' : 'failed');
    } else {
      lms.set('cmi.score.scaled', String(score / 100));
      lms.set('cmi.progress_measure', '1');
      lms.set('cmi.completion_status', 'completed');
      lms.set('cmi.success_status', right ? 'passed' : 'failed');
    }
    state.answer = answer;
    lms.set('cmi.suspend_data', JSON.stringify(state));
    lms.commit();
    show('result');
    status(right ? 'Passed with ' + score : 'Failed with ' + score);
  };
  document.getElementById('finish').onclick = function () {
    lms.set(el('cmi.core.exit', 'cmi.exit'), v12 ? '' : 'normal');
    if (!v12) lms.set('adl.nav.request', 'exit');
    lms.finish();
  };
  // A value of the wrong type is refused by the API, as the SCO is told.
  document.getElementById('bad').onclick = function () {
    var ok = lms.set(el('cmi.core.score.raw', 'cmi.score.scaled'), 'lots');
    status('Bad value ' + (String(ok) === 'true' ? 'accepted' : 'refused with ' + lms.error()));
  };
  render();
})();
