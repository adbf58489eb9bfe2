// Drives this host's Direct Line 3.0 endpoint with the real npm client, botframework-directlinejs 0.15.5 (the
// version Web Chat 4.18.1 pins), once over the WebSocket stream and once by polling.
//
//   node tests/clients/directline-client.mjs http://127.0.0.1:5000
//
// For each mode: token from /api/webchat/token, Online, the welcome, a question whose echo must carry our
// clientActivityID and an id, the bot's cited reply to it, a token refresh through the library, and a second
// question sent with the refreshed token. The last line printed is one JSON summary; the exit code is 0 only
// when every mode passed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const started = Date.now();
const overallTimeoutMs = Number(process.env.DIRECTLINE_CLIENT_TIMEOUT_MS || 90000);
// A fresh host's first turn waits for the embedding model and the guides' vectors; on a busy 2-core machine
// with a cold embedding cache that alone can take 20 s.
const stepTimeoutMs = 45000;

const summary = { client: 'botframework-directlinejs', ok: false, baseUrl: null, modes: [], error: null, elapsedMs: 0 };

function finish(exitCode) {
  summary.ok = exitCode === 0;
  summary.elapsedMs = Date.now() - started;
  console.log(JSON.stringify(summary));
  process.exit(exitCode);
}

function fail(message) {
  summary.error = message;
  console.error(`directline-client: FAILED: ${message}`);
  finish(1);
}

const overall = setTimeout(() => fail(`did not finish within ${overallTimeoutMs} ms`), overallTimeoutMs);

const baseArg = process.argv[2];
if (!baseArg || !/^https?:\/\//.test(baseArg)) {
  fail('usage: node tests/clients/directline-client.mjs <base url, e.g. http://127.0.0.1:5000>');
}
const base = baseArg.replace(/\/+$/, '');
summary.baseUrl = base;

// botframework-directlinejs expects browser globals: WebSocket (checked when a DirectLine is constructed) and
// XMLHttpRequest (used by the RxJS ajax it sends every REST call through). Install them before loading it.
let DirectLine;
let ConnectionStatus;
try {
  globalThis.WebSocket = require('ws');
  globalThis.XMLHttpRequest = require('xhr2');
  ({ DirectLine, ConnectionStatus } = require('botframework-directlinejs'));
} catch (error) {
  fail(`cannot load botframework-directlinejs, ws or xhr2 (run 'npm ci' in the repository root): ${error.message}`);
}

const log = message => console.error(`[${((Date.now() - started) / 1000).toFixed(2)}s] ${message}`);

function decodeJwt(token) {
  const payload = token.split('.')[1];
  if (!payload) {
    throw new Error('the token is not a JWT');
  }
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** Resolves with the first value of an RxJS 5 observable, or rejects with its error or after a timeout. */
function firstValue(observable, what) {
  return new Promise((resolve, reject) => {
    let subscription = null;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      subscription?.unsubscribe();
      reject(new Error(`${what}: no result within ${stepTimeoutMs} ms`));
    }, stepTimeoutMs);
    subscription = observable.subscribe(
      value => {
        if (!done) {
          done = true;
          clearTimeout(timer);
          resolve(value);
          subscription?.unsubscribe();
        }
      },
      error => {
        if (!done) {
          done = true;
          clearTimeout(timer);
          reject(new Error(`${what}: ${error?.status ? `HTTP ${error.status}` : error?.message || error}`));
        }
      });
    if (done) {
      subscription.unsubscribe();
    }
  });
}

/** Everything the activity$ stream delivered, with waiters that look at the past and the future. */
class Inbox {
  constructor() {
    this.activities = [];
    this.waiters = [];
  }

  push(activity) {
    this.activities.push(activity);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(activity)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        clearTimeout(waiter.timer);
        waiter.resolve(activity);
      }
    }
  }

  waitFor(predicate, what) {
    const seen = this.activities.find(predicate);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const got = this.activities.map(a => `${a.type}/${a.from?.role}: ${(a.text || '').slice(0, 40)}`).join(' | ');
        reject(new Error(`${what}: not received within ${stepTimeoutMs} ms (received so far: ${got || 'nothing'})`));
      }, stepTimeoutMs);
      this.waiters.push(waiter);
    });
  }
}

async function issueToken() {
  let response;
  try {
    response = await fetch(`${base}/api/webchat/token`, { method: 'POST' });
  } catch (error) {
    throw new Error(`POST ${base}/api/webchat/token failed: ${error.cause?.code || error.cause?.message || error.message}`);
  }
  if (!response.ok) {
    throw new Error(`POST /api/webchat/token answered HTTP ${response.status}`);
  }
  const body = await response.json();
  if (!body.token || !body.conversationId) {
    throw new Error(`POST /api/webchat/token returned no token or conversationId: ${JSON.stringify(body)}`);
  }
  return body;
}

/** Posts a question, then checks its echo and the bot's cited reply; returns what was seen. */
async function ask(directLine, inbox, userId, text) {
  const clientActivityID = `node-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const id = await firstValue(directLine.postActivity({
    type: 'message',
    from: { id: userId, name: 'Node test client' },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    channelData: { clientActivityID },
  }), `postActivity("${text}")`);
  if (typeof id !== 'string' || id.length === 0 || id === 'retry') {
    throw new Error(`postActivity("${text}") returned id ${JSON.stringify(id)} instead of the stored activity's id`);
  }

  const echo = await inbox.waitFor(a => a.channelData?.clientActivityID === clientActivityID, `echo of "${text}"`);
  if (echo.id !== id) {
    throw new Error(`the echo of "${text}" has id ${JSON.stringify(echo.id)}, but postActivity returned ${id}`);
  }
  if (echo.from?.id !== userId || echo.from?.role !== 'user') {
    throw new Error(`the echo of "${text}" is not from the token's user: ${JSON.stringify(echo.from)}`);
  }
  if (echo.text !== text) {
    throw new Error(`the echo of "${text}" carries the text ${JSON.stringify(echo.text)}`);
  }

  const reply = await inbox.waitFor(a => a.type === 'message' && a.replyToId === id, `bot reply to "${text}"`);
  if (reply.from?.role !== 'bot') {
    throw new Error(`the reply to "${text}" is not from the bot: ${JSON.stringify(reply.from)}`);
  }
  const marker = /\[(\d+)\]/.exec(reply.text || '');
  if (!marker) {
    throw new Error(`the reply to "${text}" has no citation marker like [1]: ${JSON.stringify(reply.text)}`);
  }
  const definition = new RegExp(`^\\[${marker[1]}\\]: cite:${marker[1]} "([^"]+)"`, 'm').exec(reply.text);
  if (!definition) {
    throw new Error(`the reply to "${text}" has marker [${marker[1]}] but no link definition for it`);
  }
  const message = (reply.entities || []).find(e => e.type === 'https://schema.org/Message');
  const claim = message?.citation?.find(c => c.position === Number(marker[1]));
  if (!claim?.appearance?.name) {
    throw new Error(`the reply to "${text}" has no schema.org Claim for citation ${marker[1]}`);
  }
  return { id, clientActivityID, replyId: reply.id, citation: definition[1], claim: claim.appearance.name };
}

async function runMode(webSocket) {
  const mode = webSocket ? 'websocket' : 'polling';
  const result = { mode, ok: false };
  summary.modes.push(result);
  const modeStarted = Date.now();
  const issued = await issueToken();
  const userId = decodeJwt(issued.token).user;
  log(`${mode}: token for conversation ${issued.conversationId}, user ${userId}`);

  const directLine = new DirectLine({
    token: issued.token,
    domain: `${base}/v3/directline`,
    webSocket,
    pollingInterval: 250,
    timeout: 10000,
    botAgent: 'chatadvisor-node-test',
  });
  if (directLine.webSocket !== webSocket) {
    throw new Error(`${mode}: the library chose webSocket=${directLine.webSocket}`);
  }

  const inbox = new Inbox();
  const statuses = [];
  let streamError = null;
  const statusSubscription = directLine.connectionStatus$.subscribe(status => statuses.push(status));
  const activitySubscription = directLine.activity$.subscribe(
    activity => inbox.push(activity),
    error => { streamError = error; });
  try {
    await firstValue(directLine.connectionStatus$.filter(s => s === ConnectionStatus.Online || s === ConnectionStatus.FailedToConnect),
      `${mode}: connecting`).then(status => {
      if (status !== ConnectionStatus.Online) {
        throw new Error(`${mode}: connection failed (status ${status})`);
      }
    });
    if (directLine.conversationId !== issued.conversationId) {
      throw new Error(`${mode}: started conversation ${directLine.conversationId}, the token was for ${issued.conversationId}`);
    }
    log(`${mode}: Online`);

    const welcome = await inbox.waitFor(a => a.type === 'message' && a.from?.role === 'bot' && !a.replyToId, `${mode}: welcome`);
    if (!/AI assistant/i.test(welcome.text || '')) {
      throw new Error(`${mode}: the welcome does not say it is an AI assistant: ${JSON.stringify(welcome.text)}`);
    }
    result.welcome = true;
    log(`${mode}: welcome received`);

    const first = await ask(directLine, inbox, userId, 'What does an MLOps engineer do?');
    result.first = first;
    log(`${mode}: echo ${first.id} and reply ${first.replyId} citing "${first.citation}"`);

    // Refresh the token through the library's own refresh call (the one its 15-minute loop makes) and use the new
    // token for everything after, as that loop does. Tokens carry second-resolution times: step past the current
    // token's issue second so the refreshed token is a different string.
    const before = directLine.token;
    const beforeClaims = decodeJwt(before);
    while (Math.floor(Date.now() / 1000) <= beforeClaims.iat) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const refreshed = await firstValue(directLine.refreshToken(), `${mode}: POST /tokens/refresh`);
    const refreshedClaims = decodeJwt(refreshed);
    if (refreshed === before || refreshedClaims.conv !== beforeClaims.conv || refreshedClaims.user !== beforeClaims.user
      || refreshedClaims.exp <= beforeClaims.exp) {
      throw new Error(`${mode}: the refreshed token is not a later token for the same conversation and user`);
    }
    directLine.token = refreshed;
    result.refreshed = true;
    log(`${mode}: token refreshed (expires ${new Date(refreshedClaims.exp * 1000).toISOString()})`);

    const second = await ask(directLine, inbox, userId, 'What skills does an MLOps engineer need?');
    result.second = second;
    log(`${mode}: after refresh, echo ${second.id} and reply ${second.replyId} citing "${second.citation}"`);

    if (streamError) {
      throw new Error(`${mode}: the activity stream failed: ${streamError.message || streamError}`);
    }
    const ids = inbox.activities.map(a => a.id);
    if (new Set(ids).size !== ids.length) {
      throw new Error(`${mode}: the stream delivered an activity twice`);
    }
    result.activities = inbox.activities.length;
    result.ok = true;
  } finally {
    // end() stops the refresh loop and marks the conversation Ended; unsubscribing closes the socket or the poll.
    directLine.end();
    activitySubscription.unsubscribe();
    statusSubscription.unsubscribe();
    result.statuses = statuses;
    result.elapsedMs = Date.now() - modeStarted;
  }
}

try {
  await runMode(true);
  await runMode(false);
  clearTimeout(overall);
  finish(0);
} catch (error) {
  const mode = summary.modes.at(-1)?.mode;
  const message = error.message || String(error);
  fail(mode && !message.startsWith(`${mode}:`) ? `${mode}: ${message}` : message);
}
