import { describe, expect, it } from 'vitest'
import { contentVersion } from '../../src/channels/shared/contentVersion'
import { enhancementScript } from '../../src/channels/web/enhancementScript'
import { exitScript } from '../../src/channels/web/exitScript'
import { useInProcessApp } from '../support/useInProcessApp'

// The pages' enhancements (Back/Forward, copy) are one cached file; the quick exit stays inline.
const node = useInProcessApp('enhance', { console: false })

describe('the enhancement script', () => {
  it('every page names it by its version, after the inline exit script, both under the nonce', async () => {
    const response = await node.app.request('/')
    const html = await response.text()
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '')
    expect(scripts).toHaveLength(2)
    const nonce = /nonce="([^"]+)"/.exec(scripts[0] ?? '')?.[1]
    expect(nonce).toBeTruthy()
    expect(scripts[1]).toContain(`nonce="${nonce}"`)
    expect(scripts[1]).toContain(`src="${enhancementScript.path.replace('&', '&amp;')}"`)
    expect(html).toContain(exitScript)
    // The copy code is only in the file, not in the page.
    expect(html).not.toContain('clipboard')
  })

  it('its versioned address is kept a year; the plain one five minutes, with a 304 for the same version', async () => {
    const versioned = await node.app.request(enhancementScript.path)
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(versioned.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await versioned.text()).toBe(enhancementScript.body)
    const plain = await node.app.request('/enhance.js')
    expect(plain.headers.get('cache-control')).toBe('public, max-age=300')
    const again = await node.app.request('/enhance.js', { headers: { 'If-None-Match': plain.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
    const stale = await node.app.request('/enhance.js?v=0', { headers: { 'If-None-Match': 'W/"0"' } })
    expect([stale.status, stale.headers.get('cache-control')]).toEqual([200, 'public, max-age=300'])
  })

  it('a changed script gets a new address', () => {
    expect(contentVersion(`${enhancementScript.body} `)).not.toBe(enhancementScript.version)
    expect(contentVersion(enhancementScript.body)).toBe(enhancementScript.version)
  })
})
