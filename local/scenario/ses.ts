/**
 * An SES "Bounce" event record as SES event publishing writes it (the shape of the SES
 * Developer Guide's example), for the demo to bounce one invitation: the local SES emulator
 * delivers everything, so the bounce is played through `POST /local/ses-events`.
 */
export function sesHardBounce(input: { email: string; cycleId: string; contactPersonId: string; at: Date }): unknown {
  const sent = new Date(input.at.getTime() - 60_000).toISOString();
  const id = `${input.cycleId}-${input.contactPersonId}`;
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: input.email, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp: input.at.toISOString(),
      feedbackId: `demo-bounce-${id}`,
      reportingMTA: 'dsn; mta.example.org',
    },
    mail: {
      timestamp: sent,
      source: 'Chytřejší Liberecký kraj <monitoring@example.org>',
      sourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/monitoring@example.org',
      sendingAccountId: '123456789012',
      messageId: `demo-message-${id}`,
      destination: [input.email],
      headersTruncated: false,
      tags: {
        'ses:configuration-set': ['ChytrejsiKrajConfigurationSet'],
        'cycle-id': [input.cycleId],
        'contact-person-id': [input.contactPersonId],
      },
    },
  };
}
