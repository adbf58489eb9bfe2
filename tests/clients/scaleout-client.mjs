// A Web Chat-like visitor for the scale-out tests: botframework-directlinejs over its WebSocket stream, through the
// reverse proxy in front of several hosts, so that the stream is held by one host while the posts land on any.
//
//   node tests/clients/scaleout-client.mjs http://127.0.0.1:8080 "first question" "second question" ...
//
// Asks each question in turn and waits for the bot's reply to it, then keeps listening for a few seconds to catch a
// late duplicate. The last line printed is one JSON summary: the ids it posted and every activity the stream
// delivered, in order. Exit code 0 when every question got a reply.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const stepTimeoutMs = 45000;
const summary = { ok: false, error: null, conversationId: null, posted: [], activities: [] };

function finish(code) {
  summary.ok = code === 0;
  console.log(JSON.stringify(summary));
  process.exit(code);
}

const [baseArg, ...questions] = process.argv.slice(2);
if (!baseArg || questions.length === 0) {
  summary.error = 'usage: node tests/clients/scaleout-client.mjs <base url> <question>...';
  finish(2);
}
const base = baseArg.replace(/\/+$/, '');
setTimeout(() => { summary.error = 'did not finish within 3 minutes'; finish(1); }, 180000);

globalThis.WebSocket = require('ws');
globalThis.XMLHttpRequest = require('xhr2');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const received = [];
const waiters = [];
function deliver(activity) {
  received.push(activity);
  summary.activities.push({ id: activity.id, type: activity.type, role: activity.from?.role ?? null, replyToId: activity.replyToId ?? null, text: activity.text ?? null });
  for (const waiter of [...waiters]) {
    if (waiter.match(activity)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      waiter.resolve(activity);
    }
  }
}
function waitFor(match, what) {
  const seen = received.find(match);
  if (seen) {
    return Promise.resolve(seen);
  }
  return new Promise((resolve, reject) => {
    const waiter = { match, resolve };
    waiter.timer = setTimeout(() => reject(new Error(`${what}: nothing within ${stepTimeoutMs} ms`)), stepTimeoutMs);
    waiters.push(waiter);
  });
}
function first(observable, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no result within ${stepTimeoutMs} ms`)), stepTimeoutMs);
    const subscription = observable.subscribe(
      value => { clearTimeout(timer); resolve(value); setTimeout(() => subscription.unsubscribe()); },
      error => { clearTimeout(timer); reject(new Error(`${what}: ${error?.status ? `HTTP ${error.status}` : error?.message || error}`)); });
  });
}

try {
  const response = await fetch(`${base}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`POST /api/webchat/token answered HTTP ${response.status}`);
  }
  const issued = await response.json();
  summary.conversationId = issued.conversationId;
  const directLine = new DirectLine({ token: issued.token, domain: `${base}/v3/directline`, webSocket: true, timeout: 10000 });
  directLine.activity$.subscribe(deliver, error => { summary.error = `stream failed: ${error?.message || error}`; });
  const status = await first(directLine.connectionStatus$.filter(s => s === ConnectionStatus.Online || s === ConnectionStatus.FailedToConnect), 'connecting');
  if (status !== ConnectionStatus.Online) {
    throw new Error(`connection failed (status ${status})`);
  }
  await waitFor(a => a.type === 'message' && a.from?.role === 'bot' && !a.replyToId, 'welcome');
  for (const text of questions) {
    const id = await first(directLine.postActivity({ type: 'message', from: { id: 'visitor' }, text, locale: 'en-GB' }), `post "${text}"`);
    summary.posted.push(id);
    await waitFor(a => a.type === 'message' && a.replyToId === id, `reply to "${text}"`);
  }
  // Anything delivered twice or late arrives now or not at all.
  await new Promise(resolve => setTimeout(resolve, 3000));
  directLine.end();
  finish(summary.error ? 1 : 0);
} catch (error) {
  summary.error = error.message || String(error);
  finish(1);
}
