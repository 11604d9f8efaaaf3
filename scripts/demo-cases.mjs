// Demo cases for `npm start`: about 30 cases in the demo municipality, in every state and route,
// written as a kindergarten or school would write them. Made through the running API as the demo
// users (dev login), so every rule, reminder and log text is the product's own. Idempotent: does
// nothing when the demo units already have cases (`--always`: makes them anyway, for the screenshots
// on a test database). Usage: node scripts/demo-cases.mjs [baseUrl] [--always]
const args = process.argv.slice(2);
const always = args.includes('--always');
const base = args.find((a) => !a.startsWith('--')) ?? `http://localhost:${process.env.PORT ?? 3000}`;
const tokens = new Map();

async function call(user, method, path, body, withVersionOf) {
  if (!tokens.has(user)) {
    const res = await fetch(`${base}/api/v1/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user }) });
    if (!res.ok) throw new Error(`dev-login ${user}: ${res.status}`);
    tokens.set(user, (await res.json()).accessToken);
  }
  const headers = { authorization: `Bearer ${tokens.get(user)}`, 'content-type': 'application/json' };
  if (withVersionOf) headers['if-match'] = `"${(await call(user, 'GET', `/api/v1/cases/${withVersionOf}`)).version}"`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  // Status and code only: the answer may hold a child's name.
  if (!res.ok) throw new Error(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} som ${user}: ${res.status} ${JSON.parse(text || '{}').code ?? ''}`);
  return text ? JSON.parse(text) : undefined;
}
const event = (user, caseId, body) => call(user, 'POST', `/api/v1/cases/${caseId}/events`, body, caseId);
const log = (user, caseId, body) => call(user, 'POST', `/api/v1/cases/${caseId}/log`, body, caseId);
const day = (offset) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

const KINDERGARTEN = { unit: 'solsiden-bhg', staff: 'kari.ansatt', leader: 'ola.leder' };
const SCHOOL = { unit: 'bakken-skole', staff: 'nina.ansatt', leader: 'berit.leder' };

const CHILDREN = [
  ['Ella', 'Johansen', '2021-04-12', 'Ella har de siste ukene kommet sliten og sulten i barnehagen, ofte uten matpakke. Hun sovner i samlingsstunden.', ['care', 'wellbeing']],
  ['Noah', 'Hansen', '2020-09-03', 'Noah slår og biter de andre barna oftere enn før, og blir lett sint når han må vente.', ['behaviour']],
  ['Olivia', 'Berg', '2016-02-21', 'Olivia har hatt mye fravær denne høsten, og når hun er her, sitter hun mest alene i friminuttene.', ['absence', 'wellbeing']],
  ['Jakob', 'Larsen', '2015-11-30', 'Jakob forteller at han ikke får sove fordi det er mye krangling hjemme om kvelden.', ['family_situation']],
  ['Emma', 'Pedersen', '2021-06-18', 'Emma snakker lite og bruker få ord sammenlignet med jevnaldrende. Foreldrene er også bekymret.', ['development']],
  ['Lucas', 'Nilsen', '2016-08-07', 'Lucas sier at noen større gutter tar lua hans og dytter ham på vei hjem fra skolen.', ['social']],
  ['Sofie', 'Kristiansen', '2020-01-25', 'Sofie gråter mye ved levering og er urolig hele dagen etter at faren flyttet ut.', ['wellbeing', 'family_situation']],
  ['William', 'Andersen', '2015-05-14', 'William har sluttet å gjøre lekser og virker trist. Læreren har sett kutt på armen.', ['wellbeing']],
  ['Nora', 'Olsen', '2021-10-02', 'Nora har ofte for lite klær når det er kaldt, og bleier blir sjelden skiftet hjemme.', ['care']],
  ['Filip', 'Karlsen', '2016-12-09', 'Filip kommer ofte for sent og har ikke med gymtøy eller bøker. Mor svarer sjelden på meldinger.', ['care', 'absence']],
];

async function concern(place, i, extra = {}) {
  const [firstName, lastName, birthDate, description, categories] = CHILDREN[i % CHILDREN.length];
  const units = await call(place.staff, 'GET', '/api/v1/units');
  const unitId = units.find((u) => u.code === place.unit).id;
  return call(place.staff, 'POST', '/api/v1/cases', {
    unitId,
    child: {
      firstName, lastName: i >= CHILDREN.length ? `${lastName}-Dahl` : lastName, birthDate,
      guardians: [{ name: `Mor ${lastName}`, relation: 'mor', parentalResponsibility: true, contact: '+47 900 00 000' }],
    },
    concern: { description, categories, riskFactors: [], protectiveFactors: [], suspectedViolenceOrAbuse: false, ...extra },
  });
}

async function assign(place, caseId, user = place.staff) {
  const me = await call(user, 'GET', '/api/v1/me');
  await call(place.leader, 'PUT', `/api/v1/cases/${caseId}/assignee`, { assigneeId: me.userId }, caseId);
  return me.userId;
}
async function assessed(place, caseId) {
  await assign(place, caseId);
  await event(place.staff, caseId, { type: 'start_assessment' });
  await log(place.staff, caseId, { type: 'conversation_guardians', text: 'Samtale med mor ved henting. Hun kjenner seg igjen i det vi ser, og ønsker hjelp.', at: new Date(Date.now() - 86_400_000).toISOString() });
  await event(place.staff, caseId, { type: 'complete_assessment', summary: 'Vi ser et tydelig behov for tettere oppfølging i hverdagen. Foresatte er med på å prøve tiltak.', guardiansInformed: true, childHeard: true, childView: 'Sier at det er fint når en voksen er med i leken.' });
}
async function consent(place, caseId, recipients) {
  await call(place.leader, 'POST', `/api/v1/cases/${caseId}/consents`, { givenBy: { name: 'Mor', relation: 'mother' }, recipients, purpose: 'Samarbeid om tiltak for barnet.', form: 'written', validUntil: day(180) }, caseId);
}
/** `measure`: the measure's start and evaluation day (days from today); a past evaluation day is over the deadline at once. */
async function acting(place, caseId, measure = { start: 0, evaluation: 42 }) {
  await assessed(place, caseId);
  const me = await call(place.staff, 'GET', '/api/v1/me');
  await event(place.staff, caseId, { type: 'decide', route: 'own_unit', rationale: 'Vi prøver tiltak i egen enhet først, i samarbeid med foresatte.' });
  await call(place.staff, 'POST', `/api/v1/cases/${caseId}/measures`, { title: 'Fast voksen ved levering og i overgangene', responsibleId: me.userId, startDate: day(measure.start), evaluationDate: day(measure.evaluation) }, caseId);
  const leader = await call(place.leader, 'GET', '/api/v1/me');
  await log(place.staff, caseId, {
    type: 'meeting', text: 'Samarbeidsmøte med mor. Vi ble enige om fast voksen ved levering og ukentlig kort samtale.', at: new Date(Date.now() - 3_600_000).toISOString(),
    participants: ['Mor', 'Pedagogisk leder', 'Enhetsleder'],
    tasks: [{ text: 'Avtale oppfølgingsmøte med mor', responsibleId: me.userId, dueDate: day(14) }, { text: 'Ta kontakt med helsesykepleier', responsibleId: leader.userId, dueDate: day(5) }],
  });
}

/** The demo's cases: [how many, what happens to each]. */
const PLAN = [
  ['ny bekymring', async (p, i) => concern(p, i)],
  ['ny, med notat', async (p, i) => { const c = await concern(p, i); await log(p.staff, c.id, { type: 'note', text: 'Barnet fortalte i dag at det gruer seg til helgen.' }); return c; }],
  ['under vurdering', async (p, i) => { const c = await concern(p, i); await assign(p, c.id); await event(p.staff, c.id, { type: 'start_assessment' }); return c; }],
  ['til beslutning', async (p, i) => { const c = await concern(p, i); await assessed(p, c.id); return c; }],
  ['tiltak i egen enhet', async (p, i) => { const c = await concern(p, i); await acting(p, c.id); return c; }],
  // «Denne uka» and «over fristen» have something on a fresh start: an evaluation due today (the API refuses
  // a past evaluation date; the agenda counts a date from the start of its day) and one in three days.
  ['evaluering i dag', async (p, i) => { const c = await concern(p, i); await acting(p, c.id, { start: -42, evaluation: 0 }); return c; }],
  ['evaluering denne uka', async (p, i) => { const c = await concern(p, i); await acting(p, c.id, { start: -39, evaluation: 3 }); return c; }],
  ['under evaluering', async (p, i) => { const c = await concern(p, i); await acting(p, c.id); await event(p.staff, c.id, { type: 'request_evaluation' }); return c; }],
  ['overlevering venter', async (p, i) => { const c = await concern(p, i); await assign(p, c.id); await assign(p, c.id, p.leader); return c; }],
  ['anonym drøfting i team', async (p, i) => { const c = await concern(p, i); await assessed(p, c.id); await event(p.leader, c.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Vi ønsker råd fra teamet før vi går videre.', anonymous: true, anonymousSummary: 'Barn som over tid virker slitent og trist; foresatte samarbeider.' }); return c; }],
  ['TFA', async (p, i) => { const c = await concern(p, i); await assessed(p, c.id); await consent(p, c.id, ['tfa']); await event(p.leader, c.id, { type: 'decide', route: 'tfa', rationale: 'Flere tjenester bør se på saken sammen.' }); return c; }],
  ['IKS-køen', async (p, i) => { const c = await concern(p, i); await assessed(p, c.id); await consent(p, c.id, ['iks']); await event(p.leader, c.id, { type: 'decide', route: 'iks', rationale: 'Sammensatte behov som krever innsatsteamet.' }); return c; }],
  ['flagget og meldt', async (p, i) => {
    const c = await concern(p, i, { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'], description: 'Barnet har blåmerker på overarmene og sier at pappa blir så sint.' });
    await assign(p, c.id);
    await event(p.staff, c.id, { type: 'report_to_child_welfare', grounds: 'Blåmerker på overarmene og barnets egne ord om at far blir sint.', guardiansInformed: false, reasonGuardiansNotInformed: 'Å informere kan sette barnet i fare.', channel: 'digital', reporterPhone: '+47 912 34 567', reporterEmail: 'ansatt@demo.bti.local', childInformed: true, childAddress: { line1: 'Bakkegata 3', postalCode: '4611', postalPlace: 'Demo' } });
    return c;
  }],
  ['flagget, ikke meldt', async (p, i) => concern(p, i, { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'], description: 'Barnet sa i garderoben at det ikke vil hjem fordi mamma slår.' })],
  ['overføring foreslått', async (p, i) => {
    const c = await concern(p, i); await acting(p, c.id); await consent(p, c.id, ['receiving_unit']);
    const units = await call(p.leader, 'GET', '/api/v1/units');
    const to = units.find((u) => u.code === (p.unit === 'solsiden-bhg' ? 'bakken-skole' : 'solsiden-bhg')).id;
    await event(p.leader, c.id, { type: 'propose_transfer', toUnitId: to, rationale: 'Barnet begynner på skolen i august.' });
    return c;
  }],
  ['avsluttet', async (p, i) => { const c = await concern(p, i); await assessed(p, c.id); await event(p.staff, c.id, { type: 'decide', route: 'own_unit', rationale: 'Små tiltak i hverdagen.' }); await event(p.leader, c.id, { type: 'close', reason: 'resolved', note: 'Barnet har det bra nå; foresatte er fornøyde.' }); return c; }],
];

// The family's door (DESIGN 12.4): synthetic national ids (month + 80), as in the README.
const FAMILY = { mother: '03888510086', father: '21908210015', youth: '05901050041', lea: '14892050083' };

async function asCitizen(pid, method, path, body) {
  const login = await fetch(`${base}/api/v1/auth/dev-citizen-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pid }) });
  if (!login.ok) throw new Error(`dev-citizen-login: ${login.status}`);
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} som innbygger: ${res.status}`);
  return res.json();
}

/** Registers the national ids (and e-mail addresses) of a case's guardians the concern named, as staff do. */
async function linkGuardians(user, caseId, byName) {
  const { items } = await call(user, 'GET', `/api/v1/cases/${caseId}/guardians`);
  for (const g of items) {
    const person = byName[g.name];
    if (person) await call(user, 'PUT', `/api/v1/cases/${caseId}/guardians/${g.id}`, { nationalId: person.pid, email: person.email, verification: 'document_seen' }, caseId);
  }
}

/**
 * Lea (solsiden-bhg) with both parents linked, joint responsibility, a log, a withheld entry and a
 * consent request waiting for them; Jonas (16, fjordglott-us), linked as the youth by his own id.
 * Idempotent on its own: nothing when the mother already sees a case.
 */
async function familyCases() {
  if ((await asCitizen(FAMILY.mother, 'GET', '/api/v1/citizen/children')).items.length) return false;
  const units = await call('kari.ansatt', 'GET', '/api/v1/units');
  const unitId = (code) => units.find((u) => u.code === code).id;
  const kindergarten = { ...KINDERGARTEN };
  const lea = await call('kari.ansatt', 'POST', '/api/v1/cases', {
    unitId: unitId('solsiden-bhg'),
    child: { firstName: 'Lea', lastName: 'Demosen', birthDate: '2020-09-14', nationalId: FAMILY.lea, guardians: [
      { name: 'Mona Demosen', relation: 'mor', parentalResponsibility: true, contact: '+47 900 00 001' },
      { name: 'Per Demosen', relation: 'far', parentalResponsibility: true, contact: '+47 900 00 002' },
    ] },
    concern: { description: 'Lea har blitt stille og trekker seg unna leken de siste ukene, og spiser lite i barnehagen.', categories: ['wellbeing'], riskFactors: [], protectiveFactors: ['trusted_adult'], suspectedViolenceOrAbuse: false },
  });
  await linkGuardians('kari.ansatt', lea.id, {
    'Mona Demosen': { pid: FAMILY.mother, email: 'mona.demosen@demo.bti.local' },
    'Per Demosen': { pid: FAMILY.father, email: 'per.demosen@demo.bti.local' },
  });
  await assign(kindergarten, lea.id);
  await event('kari.ansatt', lea.id, { type: 'start_assessment' });
  await log('kari.ansatt', lea.id, { type: 'conversation_guardians', text: 'Samtale med Mona og Per ved henting. De ser det samme hjemme og vil gjerne samarbeide.', at: new Date(Date.now() - 2 * 86_400_000).toISOString() });
  await log('kari.ansatt', lea.id, { type: 'note', text: 'Lea lekte med to andre barn i hele utetiden i dag, og spiste hele matpakken.' });
  await log('kari.ansatt', lea.id, { type: 'conversation_child', text: 'Lea ba oss ikke fortelle hjemme om det hun sa om søsteren.', confidential: 'child_asked' });
  await call('kari.ansatt', 'POST', `/api/v1/cases/${lea.id}/consent-requests`, { services: ['health_station'], purpose: 'Vi vil snakke med helsesykepleier om Leas spising og søvn.', validUntil: day(180) }, lea.id);

  const jonas = await call('tone.ansatt', 'POST', '/api/v1/cases', {
    unitId: unitId('fjordglott-us'),
    child: { firstName: 'Jonas', lastName: 'Demoberg', birthDate: '2010-10-05', nationalId: FAMILY.youth, guardians: [{ name: 'Mor Demoberg', relation: 'mor', parentalResponsibility: true }] },
    concern: { description: 'Jonas har mye fravær etter høstferien og sier at han sover dårlig.', categories: ['absence', 'wellbeing'], riskFactors: [], protectiveFactors: [], suspectedViolenceOrAbuse: false },
  });
  await assign({ staff: 'tone.ansatt', leader: 'geir.leder' }, jonas.id);
  await log('tone.ansatt', jonas.id, { type: 'conversation_child', text: 'Samtale med Jonas. Han vil gjerne ha hjelp med søvnen, og vil selv bestemme hva som deles hjemme.' });
  return true;
}

async function main() {
  const existing = await call('ola.leder', 'GET', '/api/v1/cases?pageSize=1');
  try {
    if (await familyCases()) console.log('Familiens demosaker laget (Lea Demosen, Jonas Demoberg).');
  } catch (error) {
    console.warn(`Familiens demosaker feilet: ${error.message}`);
  }
  if (existing.total > 0 && !always) return console.log('Demosakene finnes fra før.');
  let made = 0;
  let i = 0;
  for (const [name, make] of PLAN) {
    for (const place of [KINDERGARTEN, SCHOOL]) {
      try {
        await make(place, i++);
        made += 1;
      } catch (error) {
        console.warn(`Demosak «${name}» feilet: ${error.message}`);
      }
    }
  }
  // The IKS coordinator takes one case from the queue.
  try {
    const queue = await call('siri.iks', 'GET', '/api/v1/iks/referrals');
    const first = (queue.items ?? queue)[0];
    if (first) await call('siri.iks', 'POST', `/api/v1/iks/referrals/${first.id}/acceptance`, { priority: 2, coreGroup: ['ppt', 'child_welfare'], entryPlan: 'Oppstartsmøte med foresatte innen en uke.', exitCriteria: 'Stabil hverdag i barnehagen i fire uker.' }, first.caseId);
  } catch (error) {
    console.warn(`IKS-opptak feilet: ${error.message}`);
  }
  console.log(`Demosaker laget: ${made}.`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
