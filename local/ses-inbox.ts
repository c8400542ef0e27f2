import * as z from 'zod/mini';

export interface SentEmail {
  messageId?: string;
  /** As the sender wrote it, display name included (e.g. `"Chytřejší kraj" <noreply@kraj-lbc.cz>`). */
  from: string;
  /** Bare addresses, display names dropped, so they compare directly with a contact's email. */
  to: string[];
  cc: string[];
  subject: string;
  html?: string;
  text?: string;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  /** ISO 8601; the emulator records whole seconds only. */
  at: string;
}

// Shape of aws-ses-v2-local's GET /store. Raw (MIME) emails are parsed by mailparser, so their
// attachments carry many more fields and may lack a filename; loose objects keep us tolerant of that.
const storedEmailSchema = z.looseObject({
  messageId: z.optional(z.string()),
  from: z.string(),
  destination: z.looseObject({
    to: z._default(z.array(z.string()), []),
    cc: z._default(z.array(z.string()), []),
  }),
  subject: z.string(),
  body: z.looseObject({
    html: z.optional(z.string()),
    text: z.optional(z.string()),
  }),
  attachments: z._default(
    z.array(
      z.looseObject({
        filename: z.optional(z.string()),
        contentType: z.optional(z.string()),
        size: z.optional(z.number()),
        content: z.optional(z.string()),
      }),
    ),
    [],
  ),
  at: z.number(),
});

const storeSchema = z.looseObject({ emails: z.array(storedEmailSchema) });

export async function listSentEmails(sesEndpoint: string): Promise<SentEmail[]> {
  const response = await fetch(new URL('/store', sesEndpoint));
  if (!response.ok) throw new Error(`SES emulator store at ${sesEndpoint} answered HTTP ${response.status}.`);
  const store = storeSchema.parse(await response.json());
  return store.emails.map((email) => ({
    ...(email.messageId === undefined ? {} : { messageId: email.messageId }),
    from: email.from,
    to: email.destination.to.flatMap(parseAddressList),
    cc: email.destination.cc.flatMap(parseAddressList),
    subject: email.subject,
    ...(email.body.html === undefined ? {} : { html: email.body.html }),
    ...(email.body.text === undefined ? {} : { text: email.body.text }),
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename ?? '',
      contentType: attachment.contentType ?? 'application/octet-stream',
      size: attachment.size ?? Buffer.from(attachment.content ?? '', 'base64').length,
    })),
    at: new Date(email.at * 1000).toISOString(),
  }));
}

/** Empties the emulator's inbox (it also forgets stored email templates). The store is shared by every SES emulator in the process. */
export async function clearSentEmails(sesEndpoint: string): Promise<void> {
  const response = await fetch(new URL('/clear-store', sesEndpoint), { method: 'POST' });
  if (!response.ok) throw new Error(`SES emulator at ${sesEndpoint} refused to clear its store: HTTP ${response.status}.`);
}

/**
 * Raw emails store each header line as one string (`"Jana Nováková" <jana@x.cz>, petr@y.cz`),
 * simple emails store whatever the sender passed; both reduce to bare addresses.
 */
function parseAddressList(list: string): string[] {
  const addresses: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of list) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      addresses.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  addresses.push(current);
  return addresses
    .map((entry) => {
      const angled = /<([^>]+)>/.exec(entry);
      return (angled?.[1] ?? entry).trim();
    })
    .filter((address) => address !== '');
}
