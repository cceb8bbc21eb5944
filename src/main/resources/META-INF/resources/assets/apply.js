// The apply page works without this script; with it, the applicant learns a file's size and type before sending,
// sees the upload's progress, and sees the guardian fields only when the birth date says they are needed.
(function () {
  'use strict';
  var MAX_BYTES = 10 * 1024 * 1024;
  var ALLOWED = ['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt'];
  var form = document.getElementById('apply-form');
  if (!form) { return; }
  var texts = document.getElementById('texts').dataset;

  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }

  function size(bytes) {
    if (bytes < 1000) { return bytes + ' bytes'; }
    if (bytes < 1000000) { return Math.round(bytes / 1000) + ' kB'; }
    return (bytes / 1000000).toFixed(1).replace('.', document.documentElement.lang === 'nl' ? ',' : '.') + ' MB';
  }

  ['cv', 'motivationLetter'].forEach(function (name) {
    var input = document.getElementById(name);
    var info = document.getElementById(name + '-info');
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.setCustomValidity('');
      info.textContent = '';
      info.classList.remove('error');
      if (!file) { return; }
      var extension = file.name.split('.').pop().toLowerCase();
      var problem = file.size > MAX_BYTES ? texts.tooLarge
        : ALLOWED.indexOf(extension) < 0 ? texts.type : null;
      if (problem) {
        input.setCustomValidity(problem);
        info.textContent = problem;
        info.classList.add('error');
      } else {
        info.textContent = texts.chosen.replace('{0}', file.name).replace('{1}', size(file.size));
      }
    });
  });

  var birthDate = document.getElementById('birthDate');
  var guardian = document.getElementById('guardian');
  function under16() {
    if (!birthDate.value) { return false; }
    var born = new Date(birthDate.value + 'T00:00:00');
    var sixteen = new Date(born.getFullYear() + 16, born.getMonth(), born.getDate());
    return sixteen > new Date();
  }
  function showGuardian() {
    var filled = ['guardianName', 'guardianEmail'].some(function (id) { return document.getElementById(id).value; });
    guardian.hidden = !(under16() || filled || guardian.querySelector('.error'));
  }
  birthDate.addEventListener('change', showGuardian);
  birthDate.addEventListener('input', showGuardian);
  showGuardian();

  form.addEventListener('submit', function (event) {
    var files = form.querySelectorAll('input[type=file]');
    for (var i = 0; i < files.length; i++) {
      if (!files[i].checkValidity()) { event.preventDefault(); files[i].focus(); return; }
    }
    if (!window.FormData || !window.XMLHttpRequest) { return; }
    event.preventDefault();
    var progress = document.getElementById('progress');
    var bar = document.getElementById('progress-bar');
    var button = document.getElementById('submit');
    progress.hidden = false;
    button.disabled = true;
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var percent = Math.round(100 * e.loaded / e.total);
        bar.value = percent;
        bar.textContent = percent + '%';
      }
    });
    function plainWay() {
      progress.hidden = true;
      button.disabled = false;
      form.submit(); // let the browser send it the plain way and show what the service answers
    }
    request.addEventListener('load', function () {
      var type = request.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') !== 0) { plainWay(); return; }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', plainWay);
    request.addEventListener('abort', plainWay);
    request.addEventListener('timeout', plainWay);
    request.timeout = 10 * 60 * 1000;
    request.send(new FormData(form));
  });
}());
