import { describe, expect, it } from 'vitest';
import { agencySectionIds, parseAgencySection } from '../../../domain/agency';
import { ValidationError } from '../../../domain/errors';
import { fullAgency } from './factory';

function validationDetails(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.details;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseAgencySection', () => {
  it.each(agencySectionIds)('accepts a filled-in %s section', (sectionId) => {
    // Prepare
    const body = fullAgency()[sectionId];

    // Act
    const parsed = parseAgencySection(sectionId, body);

    // Assess
    expect(parsed).toEqual(body);
  });

  it('names every wrong field in Czech', () => {
    // Prepare
    const body = {
      events: [{ month: '2026-13', name: '' }],
      smartDocuments: 'dokument',
      opportunities: ['x'.repeat(5001)],
    };

    // Act
    const details = validationDetails(() => parseAgencySection('trends', body));

    // Assess
    expect(details).toEqual({
      'events.0.month': 'Zadejte měsíc ve tvaru RRRR-MM.',
      'events.0.name': 'Toto pole je povinné.',
      smartDocuments: 'Zadejte seznam položek.',
      'opportunities.0': 'Text může mít nejvýše 5000 znaků.',
    });
  });

  it('rejects impossible dates, negative or fractional counts and non-web links', () => {
    // Prepare
    const communication = {
      mediaPresentations: [{ title: 'A', publishedOn: '2026-02-30', form: 'článek na webu', link: 'javascript:alert(1)' }],
      partnershipMeetings: [],
    };
    const portal = { ...fullAgency()['payment-portal'], activeServices: 2.5, interestedMunicipalities: -1 };

    // Act
    const communicationDetails = validationDetails(() => parseAgencySection('communication', communication));
    const portalDetails = validationDetails(() => parseAgencySection('payment-portal', portal));

    // Assess
    expect(communicationDetails).toEqual({
      'mediaPresentations.0.publishedOn': 'Takové datum neexistuje.',
      'mediaPresentations.0.link': 'Zadejte platnou webovou adresu (http:// nebo https://).',
    });
    expect(portalDetails).toEqual({
      activeServices: 'Zadejte celé číslo.',
      interestedMunicipalities: 'Počet nemůže být záporný.',
    });
  });

  it('rejects a body that is not an object and an unknown section id', () => {
    // Prepare
    const unknownSection = 'indicators';

    // Act
    const notAnObject = validationDetails(() => parseAgencySection('other-activities', 'text'));
    const unknown = validationDetails(() => parseAgencySection(unknownSection, {}));

    // Assess
    expect(notAnObject).toEqual({ body: 'Obsah kapitoly musí být objekt s vyplněnými poli.' });
    expect(unknown.sectionId).toContain('„indicators“ neexistuje');
  });

  const withLink = (link: string) => ({
    mediaPresentations: [{ title: 'Článek', publishedOn: '2026-02-03', form: 'článek na webu', link }],
    partnershipMeetings: [],
  });

  it.each([
    ['spaces', 'https://www.kraj-lbc.cz/a b'],
    ['quotes', 'https://www.kraj-lbc.cz/"onmouseover="alert(1)'],
    ['markup', 'https://www.kraj-lbc.cz/<img src=x onerror=alert(1)>'],
    ['a backslash', 'https://www.kraj-lbc.cz\\@jinde.cz'],
    ['a user name', 'https://www.kraj-lbc.cz@jinde.cz/'],
    ['a host without a domain', 'https://intranet/'],
    ['no slashes after the scheme', 'https:www.kraj-lbc.cz'],
    ['a broken percent escape', 'https://www.kraj-lbc.cz/100%'],
    ['a bidi override', 'https://www.kraj-lbc.cz/\u202Efdp.exe'],
    ['a line break', 'https://www.kraj-lbc.cz/\nSet-Cookie: x'],
    ['another scheme', 'ftp://www.kraj-lbc.cz/'],
  ])('refuses a link with %s', (_name, link) => {
    // Prepare
    const body = withLink(link);

    // Act
    const details = validationDetails(() => parseAgencySection('communication', body));

    // Assess
    expect(details).toEqual({ 'mediaPresentations.0.link': 'Zadejte platnou webovou adresu (http:// nebo https://).' });
  });

  it.each([
    ['https://www.kraj-lbc.cz/aktuality?id=12&strana=2#text', 'https://www.kraj-lbc.cz/aktuality?id=12&strana=2#text'],
    ['  HTTP://WWW.Kraj-Lbc.cz  ', 'http://www.kraj-lbc.cz/'],
    ['https://www.kraj-lbc.cz/článek', 'https://www.kraj-lbc.cz/%C4%8Dl%C3%A1nek'],
    ['https://liberecký-kraj.cz/', 'https://xn--libereck-kraj-ipb.cz/'],
    ["https://cs.wikipedia.org/wiki/Ještěd_(hora)", 'https://cs.wikipedia.org/wiki/Je%C5%A1t%C4%9Bd_(hora)'],
  ])('accepts the well-formed link %s and keeps the URL parser’s form of it', (link, stored) => {
    // Prepare
    const body = withLink(link);

    // Act
    const parsed = parseAgencySection('communication', body);

    // Assess
    expect(parsed.mediaPresentations[0]?.link).toBe(stored);
  });
});
