/** The page's only stylesheet, inlined under the CSP nonce so nothing loads from elsewhere. */
export const styles = `
:root{--ink:#1d1d1f;--muted:#4a4a55;--bg:#fbfaf7;--card:#fff;--line:#d6d3cc;--accent:#1f5f8b;--accent-ink:#fff;--urgent:#a4161a;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:10}
[hidden]{display:none!important}
header.top,header.bar{background:var(--card);border-bottom:1px solid var(--line)}
.exit{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:0 .5rem;background:var(--urgent);color:#fff;font-weight:700;text-align:center;line-height:1.3;padding:.3rem 1rem;text-decoration:none;min-height:44px}
.exit small{display:block;flex-basis:100%;font-weight:400}
.bar{position:relative;display:flex;flex-wrap:wrap;gap:.25rem .375rem;align-items:center;padding:.25rem .5rem;font-size:1rem}
.bar .brand{display:inline-flex;align-items:center;min-height:44px;margin-inline-end:auto;font-weight:700;text-decoration:none;color:var(--ink)}
.bar form{display:inline-flex;gap:.25rem;align-items:center;margin:0}
.bar button.urgent{padding:.4rem .6rem}
details.language summary{display:inline-flex;align-items:center;gap:.4rem;min-height:44px;padding:.4rem .5rem;border:2px solid var(--accent);border-radius:.4rem;color:var(--accent);background:var(--card);cursor:pointer;list-style:none}
details.language summary::-webkit-details-marker{display:none}
details.language summary::after{content:"";width:.45rem;height:.45rem;border:solid currentColor;border-width:0 2px 2px 0;transform:translateY(-.15rem) rotate(45deg)}
details.language[open] summary::after{transform:translateY(.1rem) rotate(-135deg)}
details.language .language-form{position:absolute;z-index:5;inset-inline-end:.5rem;top:calc(100% - .25rem);display:block;width:min(18rem,calc(100vw - 1.5rem));padding:.75rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem;box-shadow:0 .25rem 1rem rgb(0 0 0/.15)}
details.language .language-form label.field{margin-top:0}
details.language .language-form button{width:100%;margin-top:.5rem}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
fieldset{border:0;padding:0;margin:0 0 1rem}
legend{font-size:1.35rem;font-weight:700;margin-bottom:.75rem;padding:0}
.step-count{display:block;font-size:1rem;font-weight:400}
.choice{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem;border:1px solid var(--line);border-radius:.5rem;background:var(--card);margin:.5rem 0;min-height:44px;cursor:pointer}
.choice input{width:1.35rem;height:1.35rem;margin:.1rem 0 0;flex:none}
label.field{display:block;font-weight:600;margin:.75rem 0 .25rem}
select,input[type=text]{font:inherit;width:100%;padding:.6rem;border:2px solid var(--muted);border-radius:.4rem;background:#fff;min-height:44px}
button{font:inherit;min-height:44px;min-width:44px;padding:.55rem 1rem;border-radius:.4rem;border:2px solid var(--accent);background:var(--card);color:var(--accent);cursor:pointer}
button.primary{background:var(--accent);color:var(--accent-ink)}
button.urgent{border-color:var(--urgent);color:#fff;background:var(--urgent);font-weight:700}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.notice,.error{padding:.75rem 1rem;border-radius:.5rem;margin:0 0 1rem}
.notice{background:#e8f1f8;border:1px solid #9cc3e0}
.error{background:#fdecea;border:2px solid var(--urgent)}
.hint,.muted{color:var(--muted)}
.suggestions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0 0}.suggestions legend{font-size:inherit;font-weight:600;margin-bottom:.5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem;margin:1rem 0}
.card h3{margin:0 0 .25rem;font-size:1.15rem}
.featured{border-inline-start:4px solid var(--accent);padding-inline-start:.5rem;margin:.25rem 0}
.card dl{display:grid;grid-template-columns:minmax(7rem,11rem) 1fr;gap:.25rem .75rem;margin:.75rem 0}
@media (max-width:30rem){.card dl{grid-template-columns:1fr}.card dd{margin-bottom:.5rem}}
.card dt{font-weight:600}.card dd{margin:0}
.reasons{margin:.5rem 0;padding-left:1.25rem}
.contact a{font-weight:700}
.urgent-panel{border:3px solid var(--urgent);background:#fff;border-radius:.6rem;padding:1rem;margin:0 0 1rem}
.urgent-panel .number{display:inline-block;font-size:1.6rem;font-weight:800;color:var(--urgent);text-decoration:none;padding:.25rem 0;white-space:nowrap}
.digits{white-space:nowrap}
.urgent-panel ul{list-style:none;padding:0;margin:.5rem 0}
.urgent-panel li{margin:.5rem 0}
.urgent-panel .privacy{display:block;font-size:.9rem}
.urgent-panel li.first .number{font-size:clamp(1.6rem,9vw,2.4rem)}
.call-first{font-size:1.2rem;margin:.5rem 0}
footer{max-width:42rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);font-size:.95rem}
footer nav{display:flex;flex-wrap:wrap;gap:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:20rem){.exit{padding:.25rem .5rem;line-height:1.25}.bar .brand{font-size:.875rem}details.language summary{padding-inline:.4rem}details.language summary::after{display:none}main{padding:.75rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`
