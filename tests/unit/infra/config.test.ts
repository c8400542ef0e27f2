import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readConfig } from '../../../infra/config';

const configFrom = (context: Record<string, unknown>) => readConfig(new App({ context }).node);

describe('readConfig', () => {
  it('falls back to the defaults when the context is empty', () => {
    // Prepare
    const context = {};

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config).toMatchObject({ autoCloseGraceDays: 3, steeringGroupNoticeDays: 7, planId: '2024-2026' });
  });

  it('accepts -c style strings: a comma separated list and numbers as text', () => {
    // Prepare
    const context = {
      senderEmail: 'monitoring@kraj-lbc.cz',
      arrEmail: 'info@arr-liberec.cz',
      steeringGroupEmails: ' a@kraj-lbc.cz, b@kraj-lbc.cz ,',
      autoCloseGraceDays: '5',
      steeringGroupNoticeDays: '14',
      account: '123456789012',
      region: 'eu-central-1',
    };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).toEqual({
      senderEmail: 'monitoring@kraj-lbc.cz',
      arrEmail: 'info@arr-liberec.cz',
      steeringGroupEmails: ['a@kraj-lbc.cz', 'b@kraj-lbc.cz'],
      autoCloseGraceDays: 5,
      steeringGroupNoticeDays: 14,
      planId: '2024-2026',
      loginDomainPrefix: 'chytrejsi-kraj-monitoring',
      account: '123456789012',
      region: 'eu-central-1',
    });
  });

  it('accepts cdk.json style values: an array of addresses and plain numbers', () => {
    // Prepare
    const context = { steeringGroupEmails: ['a@kraj-lbc.cz', 'b@kraj-lbc.cz'], autoCloseGraceDays: 0 };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config.steeringGroupEmails).toEqual(['a@kraj-lbc.cz', 'b@kraj-lbc.cz']);
    expect(config.autoCloseGraceDays).toBe(0);
  });

  it.each([
    [{ senderEmail: 'not-an-address' }, /senderEmail/],
    [{ arrEmail: 'arr@' }, /arrEmail/],
    [{ steeringGroupEmails: 'a@kraj-lbc.cz,oops' }, /steeringGroupEmails.*oops/],
    [{ steeringGroupEmails: ' , ' }, /at least one/],
    [{ steeringGroupEmails: [1, 2] }, /steeringGroupEmails/],
    [{ autoCloseGraceDays: '2.5' }, /autoCloseGraceDays/],
    [{ steeringGroupNoticeDays: -1 }, /steeringGroupNoticeDays/],
    [{ autoCloseGraceDays: 'three' }, /autoCloseGraceDays/],
    [{ senderDomain: 'kraj-lbc.cz' }, /must belong to "senderDomain"/],
    [{ senderDomain: 'not a domain' }, /senderDomain/],
  ])('rejects the malformed context %j', (context, message) => {
    // Prepare
    const malformed = context;

    // Act
    const attempt = () => configFrom(malformed);

    // Assess
    expect(attempt).toThrow(message);
  });
});
