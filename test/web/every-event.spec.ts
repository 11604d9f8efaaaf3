import { expect, test, type Locator, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiAs, createCase, expectAccessible, loginAs } from './support.js';

/** Picks a person in a Suggestion field by typing the start of their name, as a person would. */
async function pick(scope: Page | Locator, field: string, typed: string, option: RegExp) {
  const input = scope.getByRole('combobox', { name: field, exact: true }).or(scope.getByRole('textbox', { name: field, exact: true }));
  await input.click();
  await input.pressSequentially(typed);
  // The options open in a popover outside the form.
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  await page.getByRole('option', { name: option }).click();
}

/** The form of an action on the case page: the next step, or opened under «Flere handlinger». */
async function openAction(page: Page, name: string): Promise<Locator> {
  const form = page.getByRole('form', { name });
  if (!(await form.isVisible())) {
    const more = page.getByTestId('more-actions');
    if ((await more.getAttribute('open')) === null) await more.getByText('Flere handlinger', { exact: true }).click();
    await more.getByText(name, { exact: true }).first().click();
  }
  await expect(form).toBeVisible();
  return form;
}

/** Sends the form and checks the confirmation and the log entry the event wrote. */
async function send(page: Page, form: Locator, action: string, logEntry: string, times = 1) {
  await form.getByRole('button', { name: action, exact: true }).click();
  await expect(page.locator(':focus')).toContainText(`Lagret: ${action}.`);
  await expect(page.getByRole('region', { name: 'Logg (stafettlogg)' }).getByText(logEntry, { exact: true })).toHaveCount(times);
}

test('every case event through its form, as the demo users who may send it, from the first page (issue 25)', async ({ page }) => {
  test.slow(); // seventeen events, a document printed to PDF and two users on a shared machine
  const kari = await apiAs('kari.ansatt');
  const created = await createCase(kari, { firstName: 'Mathilde' });

  await loginAs(page, 'ola.leder');
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await page.getByRole('link', { name: 'Mathilde Nordmann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mathilde Nordmann' })).toBeFocused();

  await send(page, await openAction(page, 'Start vurdering'), 'Start vurdering', 'Vurdering startet');

  let form = await openAction(page, 'Fullfør vurdering');
  await form.getByLabel('Oppsummering av vurderingen').fill('Samtale med mor; barnet trenger tettere oppfølging.');
  await form.getByLabel('Foresatte er informert').check();
  await send(page, form, 'Fullfør vurdering', 'Vurdering fullført');

  // The case has no stafettholder: the decision names one, found by name.
  form = await openAction(page, 'Beslutt videre vei');
  await form.getByLabel('Videre vei').selectOption({ label: 'Egen enhet' });
  await form.getByLabel('Begrunnelse').fill('Vi prøver tiltak i barnehagen først.');
  await pick(form, 'Stafettholder', 'kar', /^Kari Ansatt/);
  await send(page, form, 'Beslutt videre vei', 'Videre vei besluttet');
  await expect(page.getByRole('region', { name: 'Oversikt' }).getByText('Kari Ansatt', { exact: true })).toBeVisible();

  form = await openAction(page, 'Løft saken til høyere nivå');
  await form.getByLabel('Ny vei').selectOption({ label: 'Tverrfaglig team' });
  await form.getByLabel('Begrunnelse').fill('Vi trenger råd fra teamet.');
  await form.getByLabel('Drøft anonymt i teamet').check();
  await form.getByLabel('Anonym oppsummering til teamet').fill('Barn i barnehagealder som virker slitent over tid.');
  await expectAccessible(page, 'saken: løft saken');
  await send(page, form, 'Løft saken til høyere nivå', 'Saken løftet til høyere nivå');

  form = await openAction(page, 'Trapp ned til et lavere nivå');
  await form.getByLabel('Lavere vei').selectOption({ label: 'Egen enhet' });
  await form.getByLabel('Begrunnelse').fill('Teamet mener enheten kan følge opp selv.');
  await send(page, form, 'Trapp ned til et lavere nivå', 'Trappet ned til lavere nivå');

  await send(page, await openAction(page, 'Be om evaluering'), 'Be om evaluering', 'Evaluering etterspurt');

  form = await openAction(page, 'Evaluer');
  await form.getByLabel('Resultat av evalueringen').selectOption({ label: 'Tiltakene videreføres' });
  await form.getByLabel('Notat', { exact: true }).fill('Fast voksen ved levering hjelper; vi fortsetter.');
  await send(page, form, 'Evaluer', 'Saken evaluert');

  form = await openAction(page, 'Flagg mulig vold eller overgrep');
  await form.getByLabel('Hva er kommet fram om vold eller overgrep?').fill('Mathilde fortalte at far slår når han er sint.');
  await send(page, form, 'Flagg mulig vold eller overgrep', 'Flagget: mulig vold eller overgrep');

  // The report: what the case does not know is asked for, named in the error summary by its label.
  form = await openAction(page, 'Registrer bekymringsmelding til barnevernet');
  await form.getByLabel('Grunnlaget for meldingen').fill('Barnets egne ord om at far slår, og blåmerker på armen.');
  await form.getByLabel('Hvordan meldes det?').selectOption({ label: 'Digitalt' });
  await form.getByLabel('Hvorfor er foresatte ikke orientert?').fill('Å orientere far kan sette barnet i fare.');
  await form.getByLabel('Barnet er orientert om meldingen').check();
  // The unit's address comes from what the municipality registered.
  await expect(form.getByRole('group', { name: 'Enhetens adresse' }).getByLabel('Gateadresse')).toHaveValue('Solsidevegen 2');
  await form.getByRole('button', { name: 'Registrer bekymringsmelding til barnevernet' }).click();
  const summary = form.getByRole('link', { name: /^Barnets adresse: / });
  await expect(summary).toBeVisible();
  await expect(form.getByRole('link', { name: /^Foresatte: / })).toBeVisible();
  await expect(form.getByRole('link', { name: /^Ditt telefonnummer: / })).toBeVisible();
  await expect(form.getByText(/childAddress|guardians|reporterPhone/)).toHaveCount(0);
  await expectAccessible(page, 'meldingen til barnevernet med feiloppsummering');
  const child = form.getByRole('group', { name: 'Barnets adresse' });
  await child.getByLabel('Gateadresse').fill('Bakkegata 3');
  await child.getByLabel('Postnummer').fill('4611');
  await child.getByLabel('Poststed').fill('Kristiansand');
  const guardians = form.getByRole('group', { name: 'Foresatte' });
  await guardians.getByLabel('Navn på foresatt 1').fill('Hanne Nordmann');
  await guardians.getByLabel('Relasjon til barnet').selectOption({ label: 'Mor' });
  await form.getByLabel('Ditt telefonnummer').fill('+47 912 34 567');
  await send(page, form, 'Registrer bekymringsmelding til barnevernet', 'Meldt til barnevernet');

  // The recorded report opens as the document and prints on A4 without the app around it.
  await page.getByRole('link', { name: /^Bekymringsmelding \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymringsmelding til barnevernet' })).toBeFocused();
  await expect(page).toHaveTitle('Bekymringsmelding til barnevernet – BTI');
  await expect(page.getByText('Bakkegata 3, 4611 Kristiansand')).toBeVisible();
  await expectAccessible(page, 'bekymringsmeldingen som dokument');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain('Bekymringsmelding til barnevernet');
  expect(text).toContain('Mathilde Nordmann');
  expect(text).toContain('Barnets egne ord om at far slår');
  expect(text).toContain('Hanne Nordmann');
  expect(text).not.toContain('Hovedmeny');
  expect(text).not.toContain('Logg ut');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '← Tilbake til saken' }).click();

  form = await openAction(page, 'Foresatte kan nå informeres');
  await form.getByLabel('Hvorfor foresatte nå kan få se saken').fill('Barnevernet har tatt over kontakten med familien.');
  await send(page, form, 'Foresatte kan nå informeres', 'Foresatte kan informeres');

  form = await openAction(page, 'Avslutt saken');
  await form.getByLabel('Hvorfor avsluttes saken?').selectOption({ label: 'Overført til barnevernet' });
  await send(page, form, 'Avslutt saken', 'Saken avsluttet');

  form = await openAction(page, 'Gjenåpne saken');
  await form.getByLabel('Hvorfor gjenåpnes saken?').fill('Ny bekymring fra foresatte.');
  await send(page, form, 'Gjenåpne saken', 'Saken gjenåpnet');

  // Handover: offered to a named person (here the leader), who declines, then takes it.
  const offer = async () => {
    await pick(page, 'Overlever saken til', 'ola', /^Ola Leder/);
    await page.getByRole('button', { name: 'Overlever', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Oversikt' })).toContainText('overlevering venter på svar fra Ola Leder (deg)');
  };
  await offer();
  form = await openAction(page, 'Avslå overleveringen');
  await form.getByLabel('Hvorfor avslås overleveringen?').fill('Kari kjenner barnet best.');
  await send(page, form, 'Avslå overleveringen', 'Overlevering avslått');
  await offer();
  await send(page, await openAction(page, 'Godta å bli stafettholder'), 'Godta å bli stafettholder', 'Overlevering godtatt');

  // Transfer to the school: the guardians' consent first, then the proposal, which the school's leader answers.
  await page.getByText('Registrer samtykke', { exact: true }).click();
  const consent = page.getByRole('form', { name: 'Registrer samtykke' });
  await consent.getByLabel('Hvem gir samtykket?').fill('Hanne Nordmann');
  await consent.getByLabel('Relasjon til barnet').selectOption('mother');
  await consent.getByRole('checkbox', { name: 'Mottakende enhet (ved overføring)' }).check();
  await consent.getByLabel('Formål').fill('Overgang fra barnehage til skole.');
  await consent.getByRole('button', { name: 'Lagre samtykket' }).click();
  await expect(page.getByText(/Hanne Nordmann \(Mor\)/)).toBeVisible();
  const propose = async (times: number) => {
    const proposal = await openAction(page, 'Foreslå overføring til en annen enhet');
    await proposal.getByLabel('Mottakende enhet').selectOption({ label: 'Bakken skole' });
    await proposal.getByLabel('Begrunnelse').fill('Mathilde begynner på Bakken skole i august.');
    await send(page, proposal, 'Foreslå overføring til en annen enhet', 'Overføring foreslått', times);
  };
  await propose(1);

  const berit = async () => {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await loginAs(page, 'berit.leder');
    await page.getByRole('link', { name: /^Varsler/ }).click();
    await page.getByRole('link', { name: new RegExp(`^Åpne sak ${created.reference}`) }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mathilde Nordmann' })).toBeFocused();
  };
  await berit();
  form = await openAction(page, 'Avslå overføringen');
  await form.getByLabel('Hvorfor avslås overføringen?').fill('Barnet har ikke fått skoleplass her ennå.');
  // Rejecting ends the school's sight of the case: the effect is checked in the sending unit's log below.
  await form.getByRole('button', { name: 'Avslå overføringen', exact: true }).click();
  await expect(page.locator(':focus')).toContainText('Lagret: Avslå overføringen.');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await loginAs(page, 'ola.leder');
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await page.getByRole('link', { name: 'Mathilde Nordmann' }).click();
  await expect(page.getByRole('region', { name: 'Logg (stafettlogg)' }).getByText('Overføring avslått', { exact: true })).toHaveCount(1);
  await propose(2);

  await berit();
  form = await openAction(page, 'Ta imot saken');
  await pick(form, 'Ny stafettholder (valgfritt)', 'nin', /^Nina Ansatt/);
  await form.getByRole('button', { name: 'Ta imot saken', exact: true }).click();
  await expect(page.locator(':focus')).toContainText('Lagret: Ta imot saken.');
  await expect(page.getByRole('region', { name: 'Logg (stafettlogg)' }).getByText('Overføring godtatt', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Oversikt' }).getByText('Nina Ansatt', { exact: true })).toBeVisible();
  await expectAccessible(page, 'saken etter overføringen');

  // Every event of the workflow's table is now in the case's log.
  const asBerit = await apiAs('berit.leder');
  const log = (await (await asBerit.get(`/api/v1/cases/${created.id}/log?pageSize=100`)).json()) as { items: { type: string }[] };
  const types = new Set(log.items.map((e) => e.type));
  const catalog = (await (await asBerit.get('/api/v1/catalog/case-events')).json()) as { type: string }[];
  expect(catalog).toHaveLength(17);
  expect(catalog.map((f) => f.type).filter((t) => !types.has(t))).toEqual([]);
});
