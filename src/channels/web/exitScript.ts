/**
 * Progressive enhancement for the quick exit: the link, or Shift pressed three times within two
 * seconds, blanks the page and leaves for the neutral site (GOV.UK's "Exit this page" pattern).
 * Only Shift on its own counts: any other key (capitals typed, Shift+Tab) starts the count again.
 * The status region stays in the blanked page (moved out of the header first) so the exit is announced.
 *
 * Back must never show a Helpfinder question afterwards: the history script (after this one in the
 * same <script>) makes each step a history entry of this one document, numbered in
 * `history.state.hf`. So the exit goes back to this document's first entry, pushes a marker entry
 * after it (which drops the conversation's later entries, so Forward cannot reach them either),
 * goes back onto the first entry and only then replaces it with the neutral site. The marker's
 * address is "/" (it would not survive /turn's redirect): opened again by Forward, the page sees
 * `history.state.hfExit` and leaves at once. The exit's popstate listener runs before the history
 * script's (registered first) and stops it, and the event "helpfinder:exit" tells that script to
 * drop any view still on its way. If the browser never reports a step, it leaves after 1.5 s anyway.
 * Everything is found by delegation and by id at the moment it is needed: the history script swaps
 * the page's body in place. The Shift hint shows only when a keyboard is likely.
 */
export const exitScript = `
(function(){
  var link=document.getElementById('exit');if(!link)return;
  var url=link.getAttribute('href'),times=[],leaving=false,marked=false,gone=false;
  function entryOf(s){return s&&typeof s.hf==='number'?s.hf:0}
  function blank(){var s=document.getElementById('exit-status');document.title='';
    if(s)document.body.appendChild(s);[].slice.call(document.body.childNodes).forEach(function(n){if(n!==s)document.body.removeChild(n)});
    if(s)s.textContent=s.getAttribute('data-text');}
  function away(){if(gone)return;gone=true;window.location.replace(url);}
  if(history.state&&history.state.hfExit){blank();away();return}
  var first=entryOf(history.state);
  function mark(){if(!history.pushState)return away();marked=true;history.pushState({hfExit:1},'','/');history.go(-1);}
  function leave(e){if(e)e.preventDefault();if(leaving)return;leaving=true;
    document.dispatchEvent(new Event('helpfinder:exit'));blank();setTimeout(away,1500);
    var back=entryOf(history.state)-first;if(back>0)history.go(-back);else mark();}
  window.addEventListener('popstate',function(e){if(!leaving)return;e.stopImmediatePropagation();if(marked)away();else mark();});
  document.addEventListener('click',function(e){var t=e.target;if(t&&t.closest&&t.closest('#exit'))leave(e);});
  document.addEventListener('keydown',function(e){if(e.key!=='Shift'){times=[];return}if(e.repeat)return;var now=Date.now();
    times=times.filter(function(t){return now-t<2000});times.push(now);if(times.length>=3)leave();});
  window.addEventListener('pageshow',function(e){if(e.persisted){document.body.innerHTML='';window.location.replace(url);}});
  var keyboard=!!(window.matchMedia&&window.matchMedia('(any-hover: hover) and (any-pointer: fine)').matches);
  function hint(){var h=document.querySelector('#exit small[hidden]');if(h&&keyboard)h.hidden=false;}
  hint();document.addEventListener('helpfinder:swap',hint);
})();
`
