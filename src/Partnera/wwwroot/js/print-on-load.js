// Opens the browser's print dialogue on a page the server has already recorded as printed (the audit log says who printed what).
window.addEventListener('load', function () { window.print(); });
