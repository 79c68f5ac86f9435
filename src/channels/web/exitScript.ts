/**
 * Progressive enhancement for the quick exit: Shift pressed three times within two seconds
 * blanks the page and replaces this history entry (GOV.UK's "Exit this page" pattern).
 * Only Shift on its own counts: any other key (capitals typed, Shift+Tab) starts the count again.
 * The status region stays in the blanked page so the exit is announced.
 */
export const exitScript = `
(function(){
  var link=document.getElementById('exit');if(!link)return;
  var url=link.getAttribute('href'),times=[];
  function leave(e){if(e)e.preventDefault();var s=document.getElementById('exit-status');document.title='';
    [].slice.call(document.body.childNodes).forEach(function(n){if(n!==s)document.body.removeChild(n)});
    if(s)s.textContent=s.getAttribute('data-text');window.location.replace(url);}
  link.addEventListener('click',leave);
  document.addEventListener('keydown',function(e){if(e.key!=='Shift'){times=[];return}if(e.repeat)return;var now=Date.now();
    times=times.filter(function(t){return now-t<2000});times.push(now);if(times.length>=3)leave();});
  window.addEventListener('pageshow',function(e){if(e.persisted){document.body.innerHTML='';window.location.replace(url);}});
})();
`
