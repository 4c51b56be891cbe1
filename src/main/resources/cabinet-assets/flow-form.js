// The flow form without clutter: a technology's settings show only while it is ticked. Without this script every
// section stays visible and the server ignores the settings of technologies that are not ticked.
(function () {
    'use strict';
    var form = document.querySelector('form.flow-form');
    if (!form) {
        return;
    }
    function update() {
        var ticked = [];
        form.querySelectorAll('input[name=technologies]').forEach(function (box) {
            if (box.checked) {
                ticked.push(box.getAttribute('data-code'));
            }
        });
        form.querySelectorAll('fieldset[data-codes]').forEach(function (section) {
            section.hidden = !section.getAttribute('data-codes').split(', ').some(function (code) {
                return ticked.indexOf(code) >= 0;
            });
        });
    }
    form.addEventListener('change', update);
    update();
}());
