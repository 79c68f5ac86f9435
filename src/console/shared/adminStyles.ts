/** The console's one stylesheet (inline under the CSP nonce): plain, dense, readable, keyboard-visible. */
export const adminStyles = `
:root{--ink:#1d1d1f;--muted:#4a4a55;--bg:#f6f6f4;--card:#fff;--line:#cfccc4;--accent:#1f5f8b;--bad:#a4161a;--ok:#1e6b34;--focus:#ffbf47}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:10}
header.bar{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center;padding:.6rem 1rem;background:#24323d;color:#fff}
header.bar a{color:#fff}
header.bar .brand{font-weight:700;text-decoration:none}
header.bar nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header.bar nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
header.bar .who{margin-inline-start:auto;display:flex;gap:.75rem;align-items:center}
header.bar button{border-color:#fff;color:#fff;background:transparent}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{text-align:start;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
th{background:#ecebe6}
label{font-weight:600}
input[type=text],input[type=password],input[type=search],input[type=date],input[type=url],select,textarea{font:inherit;padding:.4rem;border:2px solid var(--muted);border-radius:.3rem;background:#fff;max-width:100%}
textarea{width:100%;min-height:4rem}
button,.button{font:inherit;display:inline-block;min-height:40px;padding:.4rem .9rem;border-radius:.3rem;border:2px solid var(--accent);background:var(--card);color:var(--accent);cursor:pointer;text-decoration:none}
button.primary{background:var(--accent);color:#fff}
button.danger{border-color:var(--bad);color:var(--bad)}
form.inline{display:inline}
td.row-actions a{display:inline-block;min-height:24px;padding:.2rem 0}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:1rem}
.filters label{display:flex;flex-direction:column;gap:.2rem}
.field{margin:.75rem 0}
.field>label,.field>.label{display:block;margin-bottom:.2rem}
.hint{color:var(--muted);font-size:.9rem;margin:.1rem 0}
.field-error{color:var(--bad);font-weight:600;margin:.2rem 0}
[aria-invalid=true]{border-color:var(--bad)!important}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:1rem 0;padding:.5rem 1rem;background:var(--card)}
legend{font-weight:700;padding:0 .3rem}
.notice,.error,.ok{padding:.6rem 1rem;border-radius:.4rem;margin:0 0 1rem}
.notice{background:#e8f1f8;border:1px solid #9cc3e0}
.ok{background:#e6f4ea;border:1px solid #8cc79b}
.error{background:#fdecea;border:2px solid var(--bad)}
.tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.85rem;border:1px solid var(--line);background:#fafafa}
.tag.stale,.tag.doubtful{border-color:var(--bad);color:var(--bad)}
.tag.closed{background:#eee;color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
del{background:#fdecea}ins{background:#e6f4ea;text-decoration:none}
pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:.85rem}
/* The record form (RecordForm.tsx). No child combinators: AdminLayout's <style> escapes '>' (reported). */
.record-form div.field label:first-child{display:block;margin-bottom:.2rem}
.record-form .choice{margin:.2rem 0}.record-form .choice label{font-weight:400}
.error.summary ul{margin:.4rem 0 0;padding-inline-start:1.25rem}.error.summary li{margin:.25rem 0}.error.summary a{display:inline-block;min-height:24px}
fieldset.record-form{border:0;padding:0;background:none}
.record-form input[type=text],.record-form input[type=url],.record-form textarea{width:100%;max-width:42rem}
/* dashboard and partners */
.scroll{overflow-x:auto}
table.coverage{font-size:.9rem}
td.num{text-align:end;font-variant-numeric:tabular-nums}
td.none{background:#fdecea;font-weight:700}
textarea.snippet{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;max-width:100%;margin-bottom:.75rem}
details{margin:.5rem 0}details table{font-size:.9rem}
`
