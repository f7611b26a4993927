// Loaded first (a classic script from the page's own origin, so it passes a strict CSP): records
// what the page would show in its console, so that tests can assert there was nothing to see.
(function () {
  var record = { errors: [], warnings: [], violations: [] };
  window.__record = record;
  window.addEventListener('error', function (e) {
    record.errors.push(String(e.message || e.type));
  });
  window.addEventListener('unhandledrejection', function (e) {
    record.errors.push('unhandled rejection: ' + String(e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    record.violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + e.sample);
  });
  var error = console.error;
  console.error = function () {
    record.errors.push(Array.prototype.join.call(arguments, ' '));
    return error.apply(console, arguments);
  };
  var warn = console.warn;
  console.warn = function () {
    record.warnings.push(Array.prototype.join.call(arguments, ' '));
    return warn.apply(console, arguments);
  };
})();
