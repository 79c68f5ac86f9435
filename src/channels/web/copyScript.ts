/**
 * Progressive enhancement: "Copy these details" on results copies the page's plain text (the
 * template the server wrote, the same words as /results.txt) to the clipboard, and says so in the
 * status region. Nothing leaves the browser. Delegated from the document, so a page whose body is
 * swapped in place keeps working; the flag on <html> shows the button (printStyles).
 */
export const copyScript = `
(function(){
  document.documentElement.setAttribute('data-copy-ready','');
  function viaSelection(text){var area=document.createElement('textarea');area.value=text;area.setAttribute('readonly','');
    area.style.position='fixed';area.style.top='0';area.style.opacity='0';document.body.appendChild(area);area.select();
    var ok=false;try{ok=document.execCommand('copy')}catch(e){ok=false}document.body.removeChild(area);return ok}
  document.addEventListener('click',function(e){
    var button=e.target&&e.target.closest?e.target.closest('[data-copy]'):null;if(!button)return;
    var source=document.querySelector('template[data-copy-text]'),status=document.querySelector('[data-copy-status]');if(!source)return;
    var text=source.content.textContent;
    function done(ok){if(status){status.textContent='';setTimeout(function(){status.textContent=button.getAttribute(ok?'data-copied':'data-copy-failed')},50)}button.focus()}
    if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(function(){done(true)},function(){done(viaSelection(text))});
    else done(viaSelection(text));
  });
})();
`
