// A local SMTP sink for `npm start` (when SMTP_URL is unset) and the e2e tests: accepts every
// message on 127.0.0.1, keeps it under `dir` (the raw .eml and one JSON line per message in
// messages.jsonl) and, when `webPort` is given, serves a read-only HTML list of what arrived.
// Plain ESM JavaScript, like embedded-services.mjs, so both can import it without a build step.
import { appendFileSync, mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './embedded-services.mjs';

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every message stored in `dir`, oldest first. */
export function readSinkMessages(dir) {
  const file = path.join(dir, 'messages.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts the sink. `smtpPort` 0 or unset picks a free port; pass the old port to start it again
 * at the same address (the tests' "SMTP server back" case).
 */
export async function startMailSink({ dir, smtpPort, webPort } = {}) {
  mkdirSync(dir, { recursive: true });
  const port = smtpPort || (await freePort());
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // local only: plain SMTP
    banner: 'BTI e-postsluk (lokal)',
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
          writeFileSync(path.join(dir, `${id}.eml`), raw);
          const entry = {
            id,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? null,
            to: mail.to ? [mail.to].flat().map((a) => a.text).join(', ') : null,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headerLines.map((h) => h.line),
          };
          appendFileSync(path.join(dir, 'messages.jsonl'), `${JSON.stringify(entry)}\n`);
          callback();
        } catch (error) {
          callback(error);
        }
      });
    },
  });
  smtp.on('error', () => undefined); // a client's broken connection is not ours to report
  await listen(smtp, port);

  let web = null;
  let webUrl = null;
  if (webPort !== undefined) {
    web = http.createServer((req, res) => {
      const messages = readSinkMessages(dir).reverse();
      const match = /^\/messages\/([\w-]+)$/.exec(req.url ?? '');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (match) {
        const m = messages.find((x) => x.id === match[1]);
        if (!m) return res.writeHead(404).end('<p>Fant ikke e-posten.</p>');
        return res.end(
          `<!doctype html><html lang="nb"><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title><body style="font-family:sans-serif">` +
            `<p><a href="/">← Alle e-poster</a></p><h1>${escapeHtml(m.subject)}</h1>` +
            `<p>Til: ${escapeHtml(m.to)}<br>Fra: ${escapeHtml(m.from)}<br>Mottatt: ${escapeHtml(m.receivedAt)}<br>Message-ID: ${escapeHtml(m.messageId)}</p>` +
            `<pre style="white-space:pre-wrap">${escapeHtml(m.text)}</pre></body></html>`,
        );
      }
      if (req.url !== '/' && req.url !== '') return res.writeHead(404).end('<p>Fant ikke siden.</p>');
      const rows = messages
        .map((m) => `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`)
        .join('');
      res.end(
        `<!doctype html><html lang="nb"><meta charset="utf-8"><title>BTI e-post (lokal)</title><body style="font-family:sans-serif">` +
          `<h1>E-post sendt av BTI (lokal e-postsluk)</h1><p>${messages.length} e-poster, nyeste først. Ligger også i ${escapeHtml(dir)}.</p>` +
          `<table border="1" cellpadding="4"><tr><th>Mottatt</th><th>Til</th><th>Emne</th></tr>${rows}</table></body></html>`,
      );
    });
    await listen(web, webPort || (await freePort()));
    webUrl = `http://127.0.0.1:${web.address().port}`;
  }

  return {
    smtpPort: port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    webUrl,
    dir,
    messages: () => readSinkMessages(dir),
    async stop() {
      await new Promise((resolve) => smtp.close(resolve));
      if (web) await new Promise((resolve) => web.close(() => resolve()));
    },
  };
}

/**
 * `npm start` without SMTP_URL: a sink under `<dataDir>/mail` with its web view on MAIL_WEB_PORT
 * (default: a free port), SMTP_URL pointed at it in `env`, and where to read the mail printed.
 * Returns the stop function (the start supervisor runs it in its own process and lets it end there).
 */
export async function startEmbeddedMail(env, dataDir, log) {
  const sink = await startMailSink({ dir: path.join(dataDir, 'mail'), webPort: Number(env.MAIL_WEB_PORT ?? 0) });
  env.SMTP_URL = sink.smtpUrl;
  log(`E-post går til en lokal e-postsluk (SMTP_URL er ikke satt): les den på ${sink.webUrl} (lagret i ${sink.dir})`);
  return sink.stop;
}
