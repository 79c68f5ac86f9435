/**
 * Counting a followed contact link (docs/figures.md), where the figures are on and JavaScript runs:
 * a click on a service's number or address sends one fire-and-forget, same-origin beacon with the
 * page's own sealed state and, in the widget, its partner field. The link itself is untouched: no
 * redirect through Helpfinder, no parameter added to the service's address, nothing waited for.
 * Without JavaScript nothing is counted. Delegated from the document (bodies are swapped in place).
 */
export const contactBeaconScript = `
(function(){
  document.addEventListener('click',function(e){
    var link=e.target&&e.target.closest?e.target.closest('[data-count-contacts] [data-service] a.tel,[data-count-contacts] [data-service] a.addr'):null;
    if(!link||!navigator.sendBeacon)return;
    var form=document.querySelector('main form[method=post]');if(!form)return;
    var body=new URLSearchParams();
    form.querySelectorAll('input[type=hidden]').forEach(function(input){if(input.name==='state'||input.name==='w_partner')body.append(input.name,input.value)});
    body.append('from',(form.getAttribute('action')||'').indexOf('/widget/')===0?'widget':'web');
    try{navigator.sendBeacon('/figures/contact',body)}catch(err){}
  },true);
})();
`
