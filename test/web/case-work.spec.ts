import { expect, test, type Page } from '@playwright/test';
import { apiAs, createCase, expectAccessible, loginAs, screenshot } from './support.js';

/** Picks a person in a Suggestion field by typing the start of their name, as a person would. */
async function pick(page: Page, field: string, typed: string, option: RegExp) {
  const input = page.getByRole('textbox', { name: field, exact: true }).or(page.getByRole('combobox', { name: field, exact: true }));
  await input.click();
  await input.pressSequentially(typed);
  await page.getByRole('option', { name: option }).click();
}

test('flow 7: the unit leader works a case on its page: stafettholder by name, next step, deadlines, a meeting with tasks, handover', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  await createCase(kari, { firstName: 'Sofie' });

  await loginAs(page, 'ola.leder');
  // The leader lands on «Denne uka»; the case is on the unit's list.
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await page.getByRole('link', { name: 'Sofie Nordmann' }).first().click();
  const heading = page.getByRole('heading', { level: 1, name: 'Sofie Nordmann' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Sofie Nordmann/);

  // The summary: no stafettholder yet, and the decision deadline of level 0.
  const summary = page.getByRole('region', { name: 'Oversikt' });
  await expect(summary.getByText('Ingen ennå')).toBeVisible();
  await expect(summary.getByText(/Beslutning på nivå 0: \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}/)).toBeVisible();

  // Stafettholder found by name: nobody types an id.
  await pick(page, 'Ny stafettholder', 'kar', /^Kari Ansatt/);
  await page.getByRole('button', { name: 'Tildel', exact: true }).click();
  await expect(page.locator(':focus')).toContainText('Kari Ansatt er stafettholder.');
  await expect(summary.getByText('Kari Ansatt', { exact: true })).toBeVisible();

  // The phase line and one primary next step.
  await expect(page.getByRole('list', { name: 'Fase' }).getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { name: 'Neste steg: Start vurdering' })).toBeVisible();
  await page.getByRole('form', { name: 'Start vurdering' }).getByRole('button', { name: 'Start vurdering' }).click();
  await expect(page.locator(':focus')).toContainText('Lagret: Start vurdering.');
  await expect(page.getByRole('heading', { name: 'Neste steg: Fullfør vurdering' })).toBeVisible();
  await expect(page.getByText('Flere handlinger')).toBeVisible();

  // A meeting in the log: participants from the directory and from outside, a task with a responsible and a due date.
  await page.getByText('Skriv i loggen', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Skriv i loggen' });
  await form.getByLabel('Hva skriver du?').selectOption('meeting');
  await pick(page, 'Deltakere', 'Kari', /^Kari Ansatt/);
  const participants = form.getByRole('combobox', { name: 'Deltakere', exact: true });
  await participants.clear();
  await participants.pressSequentially('Mor');
  await participants.press('Enter');
  await form.getByLabel('Referat').fill('Samarbeidsmøte med mor. Sofie trives bedre etter at hun fikk fast plass ved bordet.');
  await form.getByRole('button', { name: 'Legg til oppgave' }).click();
  await form.getByLabel('Hva skal gjøres?').fill('Ringe helsesykepleier');
  await pick(page, 'Ansvarlig', 'ola', /^Ola Leder/);
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Frist').fill(due);
  await expectAccessible(page, 'saken: skriv møtereferat');
  await form.getByRole('button', { name: 'Lagre i loggen' }).click();
  await expect(page.locator(':focus')).toContainText('Møte er lagret i loggen.');

  const timeline = page.getByRole('region', { name: 'Logg (stafettlogg)' });
  const meeting = timeline.getByRole('listitem').filter({ hasText: 'Samarbeidsmøte med mor' });
  await expect(meeting).toContainText('Møte · Ola Leder (enhetsleder, Solsiden barnehage)');
  await expect(meeting).toContainText('Deltakere: Kari Ansatt, Mor.');
  await expect(timeline.getByRole('listitem').first()).toContainText('Bekymring meldt · Kari Ansatt (ansatt, Solsiden barnehage)');
  await expect(summary.getByText(/Oppgave: \d{1,2}\. [a-zæøå]+ \d{4} \(Ola Leder \(deg\)\)/)).toBeVisible();

  // A correction stands beside the original, which is kept.
  await meeting.getByRole('button', { name: /^Rett oppføringen/ }).click();
  const correction = page.getByRole('form', { name: 'Rett oppføringen' });
  await correction.getByLabel('Riktig tekst').fill('Samarbeidsmøte med mor og far.');
  await correction.getByLabel('Hvorfor rettes det?').fill('Far var også med.');
  await correction.getByRole('button', { name: 'Lagre rettelsen' }).click();
  await expect(meeting.locator('.correction')).toContainText('Rettelse · Ola Leder');
  await expect(meeting).toContainText('Samarbeidsmøte med mor. Sofie trives');

  // Handover: offered to a named person, shown as waiting until they answer.
  await pick(page, 'Overlever saken til', 'ola', /^Ola Leder/);
  await page.getByRole('button', { name: 'Overlever', exact: true }).click();
  await expect(summary).toContainText('overlevering venter på svar fra Ola Leder (deg)');

  await expectAccessible(page, 'saken som arbeidsflate');
  await screenshot(page, 'saken-arbeidsflate');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, 'saken som arbeidsflate, 320 px');
  await screenshot(page, 'saken-arbeidsflate-320');
});
