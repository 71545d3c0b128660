/* Side by Side: a page shown by the SCORM package's launch page (lms.html), in an LMS. The
 * LMS's record of this learner is put into this browser's store before the page's other
 * scripts read it, and every change is passed back. Anywhere else this does nothing. */
(function () {
  "use strict";
  var session = null;
  try {
    var parent = window.parent !== window ? window.parent : null;
    session = parent && parent.sidebyside && parent.sidebyside.lms;
  } catch (e) { session = null; } // a parent on another origin: no session to join
  if (!session || !session.connected) return;
  var store = window.sidebyside.store;
  try {
    var saved = session.state();
    Object.keys(saved).forEach(function (key) { store.set(key, saved[key]); });
    session.save(store.snapshot()); // what this browser held that the LMS did not
    store.onChange(function () { session.save(store.snapshot()); });
    session.visited(window.location.href);
    window.sidebyside.learnerName = session.learnerName;
  } catch (e) { /* the LMS went away: the page works on its own */ }
})();
