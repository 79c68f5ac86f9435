import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

/** Microsoft's full Web Chat browser bundle (defines `window.WebChat`), straight from node_modules. */
const WEBCHAT_BUNDLE = fileURLToPath(new URL('../../node_modules/botframework-webchat/dist/webchat.js', import.meta.url))

/**
 * The page an embedding helpline would put on its own site: Web Chat, connected not to Azure's
 * Direct Line but to a small DirectLine-like object that posts each activity to Helpfinder's
 * `/api/messages` with `deliveryMode: "expectReplies"` and feeds the replies back to Web Chat.
 *
 * Web Chat's contract for a `directLine`: `connectionStatus$` and `activity$` are observables
 * (`subscribe(observer)` → `{ unsubscribe }`); `connectionStatus$` must give a late subscriber its
 * current value (0 uninitialised → 1 connecting → 2 online); `postActivity(activity)` returns an
 * observable of the posted activity's id, and the activity must come back through `activity$`
 * ("echo", with its `channelData.clientActivityID`) or Web Chat marks it as failed to send.
 *
 * Typed answers: Helpfinder keeps no state, so typed text is only an answer to the current question
 * when it travels with that question's `value` (the sealed state). By default the page uses the store
 * a helpline would copy from docs/webchat/helpfinderStore.js, which adds that value to typed text;
 * with `store: false` it is stock Web Chat with no code of Helpfinder's at all. Either way the
 * stand-in passes activities on as Web Chat posted them, as Azure's Direct Line does: it adds only the
 * envelope a channel adds (channelId, conversation, recipient, serviceUrl, deliveryMode; `from` only
 * where Web Chat gave none), never a value; `window.__forwarded` holds each body as it went to Helpfinder.
 *
 * The page reads three things from its query: `locale` (Web Chat's `locale`, so every activity's,
 * default en-US), `dir` (Web Chat's `dir`, which overrides every card's own `rtl`) and `join=0` (no
 * conversationUpdate on load: the person's first message is the first thing the bot hears, as with
 * Direct Line services that send none).
 */
const STORE = readFileSync(fileURLToPath(new URL('../../docs/webchat/helpfinderStore.js', import.meta.url)), 'utf8')

const page = (store: boolean) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Web Chat harness</title>
<style>html, body { margin: 0; height: 100%; } #webchat { height: 100%; }</style></head>
<body>
<div id="webchat" role="main"></div>
<script src="/webchat.js"></script>
${store ? `<script>${STORE}</script>` : ''}
<script>
(function () {
  var query = new URLSearchParams(location.search);
  var LOCALE = query.get('locale') || 'en-US';
  var JOIN = query.get('join') !== '0';
  var DIR = query.get('dir');
  /** A minimal observable; with replay, a late subscriber gets the current value first. */
  function subject(replay, initial) {
    var observers = [];
    var has = arguments.length > 1;
    var current = initial;
    var queue = [];
    return {
      next: function (value) {
        current = value; has = true;
        if (!replay && observers.length === 0) { queue.push(value); return; }
        observers.slice().forEach(function (o) { o.next && o.next(value); });
      },
      observable: {
        subscribe: function (observerOrNext, error, complete) {
          var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : (observerOrNext || {});
          observers.push(observer);
          if (replay && has) observer.next && observer.next(current);
          // Activities that arrived before anyone listened are handed to the first listener.
          queue.splice(0).forEach(function (value) { observer.next && observer.next(value); });
          var subscription = { closed: false, unsubscribe: function () { subscription.closed = true; observers = observers.filter(function (o) { return o !== observer; }); } };
          return subscription;
        },
      },
    };
  }

  var status = subject(true, 0);
  var activities = subject(false);
  var counter = 0;
  var BOT = { id: 'bot', role: 'bot', name: 'Helpfinder' };
  var USER = { id: 'user', role: 'user' };
  /** Every reply batch the bot sent, for the test to inspect. */
  window.__batches = [];
  window.__errors = [];
  /** Every activity Web Chat posted, as it posted it. */
  window.__posted = [];
  /** Every body the stand-in sent to Helpfinder: Web Chat's activity with the channel's envelope. */
  window.__forwarded = [];

  function nextId(prefix) { counter += 1; return prefix + '-' + counter; }

  /** POSTs one activity to Helpfinder (through this page's own origin) and shows the replies. */
  function send(activity) {
    // Web Chat's own fields as it posted them (its \`from\` included); the channel adds only its envelope.
    var body = Object.assign({ from: { id: 'user' } }, activity, {
      deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat',
      conversation: { id: 'c1' }, recipient: { id: 'bot' },
    });
    window.__forwarded.push(body);
    return fetch('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) throw new Error('Helpfinder answered ' + response.status);
        return response.json();
      })
      .then(function (result) {
        var replies = (result && result.activities) || [];
        window.__batches.push(replies);
        replies.forEach(function (reply) {
          activities.next(Object.assign({}, reply, {
            id: reply.id || nextId('bot'),
            timestamp: reply.timestamp || new Date().toISOString(),
            from: Object.assign({}, BOT, reply.from || {}, { role: 'bot' }),
          }));
        });
      })
      .catch(function (error) { window.__errors.push(String(error)); });
  }

  var directLine = {
    activity$: activities.observable,
    connectionStatus$: status.observable,
    postActivity: function (activity) {
      return {
        subscribe: function (observerOrNext) {
          var observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext;
          var id = nextId('user');
          window.__posted.push(activity);
          // Echo the person's own activity (asynchronously, as a real channel would) so Web Chat shows it as sent.
          setTimeout(function () {
            activities.next(Object.assign({}, activity, { id: id, from: USER, timestamp: new Date().toISOString() }));
            observer.next && observer.next(id);
            observer.complete && observer.complete();
            if (activity.type === 'message') send(activity);
          }, 0);
          return { closed: false, unsubscribe: function () {} };
        },
      };
    },
    end: function () { status.next(5); },
  };

  var settings = { directLine: directLine, userID: 'user', locale: LOCALE };
  if (DIR) settings.dir = DIR;
  ${store ? 'settings.store = helpfinderStore(window.WebChat);' : "// Stock Web Chat: no store, no middleware, nothing of Helpfinder's."}
  window.WebChat.renderWebChat(settings, document.getElementById('webchat'));

  // Come online, then join the conversation like a channel does, so the greeting arrives.
  setTimeout(function () { status.next(1); }, 0);
  setTimeout(function () {
    status.next(2);
    if (JOIN) send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: 'user' }], locale: LOCALE, id: nextId('join') });
  }, 10);
})();
</script>
</body>
</html>`

/**
 * A loopback server for the harness page: `/` is the page, `/webchat.js` the Web Chat bundle, and
 * POST `/api/messages` is passed through to Helpfinder, so the page talks to its own origin (no CORS).
 * `store: false`: stock Web Chat, without docs/webchat/helpfinderStore.js (it is not even on the page).
 */
export async function startWebchatHarness(helpfinderBase: string, options: { store?: boolean } = {}) {
  const bundle = readFileSync(WEBCHAT_BUNDLE)
  const html = page(options.store ?? true)
  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '').split('?')[0]
      if (request.method === 'GET' && path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
      } else if (request.method === 'GET' && request.url === '/webchat.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle)
      } else if (request.method === 'POST' && request.url === '/api/messages') {
        const forwarded = await fetch(`${helpfinderBase}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: await readBody(request),
        })
        response
          .writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'application/json' })
          .end(Buffer.from(await forwarded.arrayBuffer()))
      } else {
        response.writeHead(404).end()
      }
    })().catch(() => response.writeHead(502).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
