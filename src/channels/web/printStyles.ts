/**
 * The results cards' own styles, and what a printed page keeps: only the results and the urgent
 * numbers (safety information, one short block), every number and address written out, no exit
 * bar, header, buttons, forms or backgrounds. The copy button shows only once copyScript runs.
 */
export const printStyles = `
.card .name{margin:0 0 .25rem;font-size:1.2rem;line-height:1.3}
@media (max-width:30rem){.card{padding:.75rem}}
.card .org{font-size:.9rem;margin:.5rem 0}
.reach{list-style:none;padding:0;margin:.5rem 0}
.reach li{margin:.3rem 0}
.reach .tel{font-size:1.4rem;font-weight:800}
.reach .addr{font-weight:700;overflow-wrap:anywhere}
.card dl.facts{display:block;margin:.5rem 0}
.card .facts>div{margin:.25rem 0}
.card .facts dt,.card .facts dd,.card .reasons,.card .reasons li{display:inline;margin:0;padding:0}
.card .facts dt::after{content:":"}
[dir=rtl] .card .facts dd[dir=ltr]{display:block}
.card .reasons li+li::before{content:" · "}
.provenance,details.sources{font-size:.9rem;margin:.5rem 0 0}
details.sources ul{margin:.25rem 0;padding-inline-start:1.25rem}
.print-only,.copy{display:none}
html[data-copy-ready] .copy{display:inline-block}
.copy-status{margin:0}
@media print{
@page{margin:12mm}
*{background:transparent!important;color:#000!important;box-shadow:none!important}
body{font-size:10.5pt;line-height:1.35}
#exit,.exit,.skip,header,footer,form,button,details,.copy-status,.urgent-panel>p.muted{display:none!important}
main{max-width:none;margin:0;padding:0}
h1{font-size:1.3rem;margin:0 0 .5rem}
h2{margin:.75rem 0 .25rem}
.card{border:0;border-top:1px solid #888;border-radius:0;padding:.5rem 0 0;margin:.5rem 0;break-inside:avoid}
.card dl{margin:.25rem 0}
.print-only{display:inline}
a{text-decoration:none}
a[href^="http"]:not(.addr)::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
.urgent-panel a[href^="http"]::after{content:none}
.urgent-panel{border:1px solid #000;padding:.5rem;break-inside:avoid}
.urgent-panel .number,.urgent-panel li.first .number,.reach .tel{font-size:1.15rem}
.urgent-panel li{margin:.2rem 0}
}
`
