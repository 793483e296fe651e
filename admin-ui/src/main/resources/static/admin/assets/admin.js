// The console's only script besides htmx and the charts: sends the CSRF token with every htmx request, and
// shows a message when a request fails without a page to show it (network down, forbidden).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('htmx:responseError', function (event) {
  var status = event.detail.xhr.status;
  if (status === 422 || event.detail.xhr.getResponseHeader('HX-Redirect')) {
    return;
  }
  var flash = document.getElementById('flash');
  if (flash) {
    var key = status === 403 ? 'data-forbidden' : 'data-failed';
    flash.innerHTML = '';
    var div = document.createElement('div');
    div.className = 'flash error';
    div.textContent = flash.getAttribute(key) || 'Request failed';
    flash.appendChild(div);
  }
});
document.addEventListener('htmx:sendError', function () {
  var flash = document.getElementById('flash');
  if (flash) {
    flash.innerHTML = '<div class="flash error"></div>';
    flash.firstChild.textContent = flash.getAttribute('data-failed') || 'Request failed';
  }
});
// before a new request, the previous message goes away
document.addEventListener('htmx:beforeRequest', function (event) {
  var flash = document.getElementById('flash');
  if (flash && event.detail.elt && !event.detail.elt.hasAttribute('data-keep-flash')) {
    flash.innerHTML = '';
  }
});
