/** The panel's additions to the web styles: a compact frame for a small window, at 320 px and 200% zoom. */
export const panelStyles = `
body.panel{font-size:1rem}
.panel .exit{padding:.5rem .75rem}
.panel .bar{padding:.5rem .75rem}
.panel main{padding:.75rem}
.panel h1{font-size:1.25rem}
.panel legend{font-size:1.15rem}
.panel footer{margin:1rem 0 0;padding:.75rem}
.panel .urgent-panel .number{font-size:1.4rem}
.panel .urgent-panel li.first .number{font-size:1.9rem}
`
