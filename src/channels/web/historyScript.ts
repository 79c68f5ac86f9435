/**
 * Progressive enhancement: the browser's Back and Forward step through the conversation.
 * Without it every step is a full-page POST, and Back asks to resubmit the form.
 *
 * With it the whole visit is one document. Each post of the conversation (/turn), and each link to a
 * Helpfinder page, is fetched and its body swapped in; each step is a history entry whose state is
 * only a small number (`{hf: n}`). What produced entry n (its address and form body, the sealed
 * token among the fields) stays in this script's memory, never in history.state (session restore
 * keeps it) nor in any storage. On Back or Forward the entry's request is sent again — what the
 * browser's "resubmit" does without JavaScript — and the answer swapped in without a new entry.
 * An entry with nothing in memory (the document was reloaded) shows the start page. Once the
 * person answers a question, its entry asks for "back" from the state that followed instead, so
 * Back shows that question with the answer chosen, as the page's own Back button does.
 *
 * A view that keeps the person where they were (an answer not understood, a malformed post: a
 * 4xx page) is shown without a new entry. A failed fetch falls back to the plain post or link.
 * Everything works by delegation on `document`, so nothing needs binding again after a swap; the
 * next page's own <script> is dropped (scripts run by nonce only, and this one is already running).
 * The exit script (before this one) goes back to the first entry before it leaves; it says so with
 * the event "helpfinder:exit". After each swap this script fires "helpfinder:swap".
 *
 * Details, in the order of the code:
 * - The first entry is what the document shows now: a page opened by its address, or (at /turn) a
 *   step a plain post gave, asked for again with `show`.
 * - Only posts to /turn are taken over; a button's own formaction (the plain-text version) wins, and
 *   the form's attributes are read with getAttribute (a button named "action" shadows form.action).
 *   Browsers whose FormData ignores the submitter still send the button that was pressed.
 * - A popstate without a number is a new entry of the skip link (#main): same view, numbered so
 *   the exit can count the entries back to the first.
 * - The next page's own <style> is dropped before parsing: its nonce is not this page's, and the
 *   CSP would report it even in an inert document. Only the newest request is swapped in.
 * - The heading gets focus (without scrolling past the exit bar) and the polite live region, kept
 *   across swaps, says the notice and the heading.
 */
export const historyScript = `
(function(){
  var H=window.history,D=document;
  if(!window.fetch||!window.DOMParser||!window.FormData||!window.URLSearchParams||!H.pushState||!D.body||!D.body.closest||H.state&&H.state.hfExit)return;
  var PAGES=/^\\/(privacy|safety|urgent)?$/,entries={},seq=0,plain=false,leaving=false;
  function entryOf(s){return s&&typeof s.hf==='number'?s.hf:null}
  var at=entryOf(H.state);if(at===null)at=0;
  entries[at]=firstEntry();H.replaceState({hf:at},'');
  if('scrollRestoration' in H)H.scrollRestoration='manual';
  var live=D.createElement('p');live.className='visually-hidden';live.setAttribute('aria-live','polite');D.body.appendChild(live);
  D.addEventListener('helpfinder:exit',function(){leaving=true;seq++;});
  function firstEntry(){
    if(location.pathname!=='/turn')return {url:location.pathname+location.search,body:null};
    var s=D.querySelector('form input[name="state"]');
    return s?{url:'/turn',body:new URLSearchParams({state:s.value,action:'show'}).toString()}:{url:'/',body:null};
  }
  function forget(){for(var k in entries)if(Number(k)>at)delete entries[k];}
  D.addEventListener('submit',function(e){
    var form=e.target;
    if(plain||leaving||e.defaultPrevented||!(form instanceof HTMLFormElement)||!('submitter' in e))return;
    var submitter=e.submitter,data;
    function attr(n){return submitter&&submitter.hasAttribute('form'+n)?submitter.getAttribute('form'+n):form.getAttribute(n)}
    if((attr('method')||'').toLowerCase()!=='post'||(attr('target')||'_self')!=='_self')return;
    var url=new URL(attr('action')||location.href,location.href);
    if(url.origin!==location.origin||url.pathname!=='/turn')return;
    e.preventDefault();
    try{data=new FormData(form,submitter)}catch(_){data=new FormData(form)}
    if(submitter&&submitter.name&&data.getAll(submitter.name).indexOf(submitter.value)<0)data.append(submitter.name,submitter.value);
    var body=new URLSearchParams();data.forEach(function(v,k){if(typeof v==='string')body.append(k,v)});
    var answered=body.get('action')==='answer'||!body.has('action')&&body.has('state');
    show({url:url.pathname+url.search,body:body.toString()},true,answered,function(){
      plain=true;
      try{form.requestSubmit(submitter&&submitter.form===form?submitter:null)}
      catch(_){if(submitter&&submitter.name){var i=D.createElement('input');i.type='hidden';i.name=submitter.name;i.value=submitter.value;form.appendChild(i)}form.submit()}
    });
  });
  D.addEventListener('click',function(e){
    if(plain||leaving||e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
    var a=e.target&&e.target.closest?e.target.closest('a[href]'):null;
    if(!a||a.id==='exit'||a.hasAttribute('target')||a.hasAttribute('download'))return;
    var url=new URL(a.href,location.href);
    if(url.origin!==location.origin||url.hash||!PAGES.test(url.pathname))return;
    e.preventDefault();
    show({url:url.pathname+url.search,body:null},true,false,function(){plain=true;location.assign(url.href)});
  });
  window.addEventListener('popstate',function(e){
    if(leaving)return;
    seq++;
    var n=entryOf(e.state);
    if(n===null){entries[at+1]=entries[at];at+=1;forget();H.replaceState({hf:at},'');return}
    var entry=entries[n],same=entry&&entry===entries[at];at=n;
    if(same)return;
    show(entry||{url:'/',body:null},false,false,function(){plain=true;location.reload()});
  });
  function show(entry,push,answered,fallback){
    var mine=++seq,from=at;
    fetch(entry.url,{method:entry.body===null?'GET':'POST',body:entry.body===null?undefined:new URLSearchParams(entry.body),
      credentials:'omit',cache:'no-store',headers:{accept:'text/html'}})
    .then(function(r){
      if((r.headers.get('content-type')||'').indexOf('text/html')<0)throw new Error('not a page');
      return r.text().then(function(html){
        if(mine!==seq||leaving)return;
        var next=new DOMParser().parseFromString(html.replace(/<style[^>]*>[\\s\\S]*?<\\/style>/g,''),'text/html');
        if(!next.getElementById('main'))throw new Error('not a page');
        var moved=r.ok&&!next.getElementById('answer-error'),kept=next.querySelector('form input[name="state"]');
        swap(next);
        if(!push||!moved)return;
        if(answered&&kept)entries[from]={url:entry.url,body:new URLSearchParams({state:kept.value,action:'back'}).toString()};
        at+=1;entries[at]=entry;forget();H.pushState({hf:at},'',entry.url);
      });
    })
    .catch(function(){if(mine===seq&&!leaving)fallback()});
  }
  function swap(next){
    var body=D.body,kept=[].slice.call(body.querySelectorAll('body > script')).concat(live);
    [].slice.call(body.childNodes).forEach(function(n){if(kept.indexOf(n)<0)body.removeChild(n)});
    [].slice.call(next.body.querySelectorAll('script')).forEach(function(s){s.parentNode.removeChild(s)});
    var anchor=body.firstChild;
    [].slice.call(next.body.childNodes).forEach(function(n){body.insertBefore(D.adoptNode(n),anchor)});
    D.title=next.title;
    D.documentElement.lang=next.documentElement.lang;
    D.documentElement.dir=next.documentElement.dir;
    window.scrollTo(0,0);
    var heading=D.querySelector('main h1')||D.getElementById('main');
    if(heading){if(!heading.hasAttribute('tabindex'))heading.setAttribute('tabindex','-1');heading.focus({preventScroll:true})}
    var words=[].slice.call(D.querySelectorAll('main .notice, main .error')).map(function(n){return n.textContent.trim()});
    if(heading&&heading!==D.getElementById('main'))words.push(heading.textContent.trim());
    live.textContent='';
    setTimeout(function(){live.textContent=words.filter(Boolean).join('. ')},100);
    D.dispatchEvent(new Event('helpfinder:swap'));
  }
})();
`
