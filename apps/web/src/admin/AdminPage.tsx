import { Alert, Button, Heading, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ProblemError, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { label, ROLE_LABEL, UNIT_KIND_LABEL, dateTime } from '../labels';
import { AdminTable } from './AdminTable';
import { profileDiff } from './profileDiff';

/** The municipality's own administration (DESIGN 12.7): units, people and roles, the profile. */
export default function AdminPage() {
  return (
    <div className="page stack">
      <PageHeading title="Administrasjon" />
      <UnitsSection />
      <PeopleSection />
      <ProfileSection />
    </div>
  );
}

function UnitsSection() {
  const units = useQuery({ queryKey: ['admin-units'], queryFn: () => unwrap(api.GET('/api/v1/admin/units')) });
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => unwrap(api.PATCH('/api/v1/admin/units/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-units'] }),
  });
  return (
    <section aria-labelledby="units-heading" className="stack">
      <Heading level={2} data-size="sm" id="units-heading">
        Enheter
      </Heading>
      {units.isPending && <Spinner aria-label="Laster enheter" />}
      <ProblemAlert error={units.error ?? toggle.error} />
      {units.data && (
        <AdminTable
          label="Enheter"
          caption="Enhetene i kommunen"
          columns={['Navn', 'Type', 'Org.nr.', 'Status', 'Handling']}
          rows={units.data}
          rowKey={(u) => u.id}
          cells={(u) => [
            u.name,
            label(UNIT_KIND_LABEL, u.kind),
            u.organisationNumber ?? '–',
            <ActiveStatus active={u.active} />,
            <Button variant="tertiary" data-size="sm" onClick={() => toggle.mutate({ id: u.id, active: !u.active })} aria-label={`${u.active ? 'Deaktiver' : 'Aktiver'} ${u.name}`}>
              {u.active ? 'Deaktiver' : 'Aktiver'}
            </Button>,
          ]}
        />
      )}
    </section>
  );
}

function PeopleSection() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<{ id: string; username: string } | null>(null);
  const client = useQueryClient();
  const people = useQuery({ queryKey: ['admin-users', q], queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query: q ? { q } : {} } })) });
  const handover = useQuery({
    queryKey: ['admin-handover', chosen?.id],
    enabled: !!chosen,
    queryFn: () => unwrap(api.GET('/api/v1/admin/users/{id}/responsibilities', { params: { path: { id: chosen!.id } } })),
  });
  const deactivate = useMutation({
    mutationFn: (id: string) => unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: { active: false } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-users'] }),
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  const KIND: Record<string, string> = { case: 'Sak (stafettholder)', task: 'Oppgave', measure: 'Tiltak' };
  return (
    <section aria-labelledby="people-heading" className="stack">
      <Heading level={2} data-size="sm" id="people-heading">
        Personer og roller
      </Heading>
      <form className="filters" role="search" onSubmit={search}>
        <Textfield label="Søk på navn, brukernavn eller e-post" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit" variant="secondary">
          Søk
        </Button>
      </form>
      <ProblemAlert error={people.error ?? deactivate.error} />
      {people.isPending && <Spinner aria-label="Laster personer" />}
      {people.data && (
        <AdminTable
          label="Personer"
          caption="Personer i kommunen"
          columns={['Navn', 'Brukernavn', 'Roller', 'Status', 'Handling']}
          rows={people.data}
          rowKey={(u) => u.id}
          cells={(u) => [
            u.displayName,
            u.username,
            u.roles.map((r) => label(ROLE_LABEL, r.role)).join(', ') || '–',
            <ActiveStatus active={u.active} />,
            u.active && (
              <Button variant="tertiary" data-size="sm" onClick={() => setChosen({ id: u.id, username: u.username })} aria-label={`Deaktiver ${u.displayName}`}>
                Deaktiver …
              </Button>
            ),
          ]}
        />
      )}
      {chosen && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            Deaktivere {chosen.username}?
          </Heading>
          {handover.isPending && <Spinner aria-label="Laster ansvar som må overføres" />}
          {handover.data && (
            <>
              <Paragraph>
                {handover.data.items.length === 0
                  ? 'Ingen åpne saker, oppgaver eller tiltak å overføre.'
                  : `Dette må overføres (${handover.data.items.length}); enhetslederne får varsel:`}
              </Paragraph>
              {handover.data.items.length > 0 && (
                <ul aria-label="Ansvar som må overføres">
                  {handover.data.items.map((r) => (
                    <li key={`${r.kind}-${r.id}`}>
                      {KIND[r.kind] ?? r.kind}: <a href={`/saker/${r.caseId}`}>sak {r.caseId.slice(0, 8)}</a>
                    </li>
                  ))}
                </ul>
              )}
              <div className="actions">
                <Button data-color="danger" onClick={() => deactivate.mutate(chosen.id, { onSuccess: () => setChosen(null) })}>
                  Deaktiver {chosen.username}
                </Button>
                <Button variant="secondary" onClick={() => setChosen(null)}>
                  Avbryt
                </Button>
              </div>
            </>
          )}
        </Alert>
      )}
    </section>
  );
}

function ProfileSection() {
  const client = useQueryClient();
  const profile = useQuery({ queryKey: ['admin-profile'], queryFn: () => unwrap(api.GET('/api/v1/admin/profile')) });
  const [text, setText] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (document: Record<string, unknown>) => unwrap(api.PUT('/api/v1/admin/profile/draft', { body: { document } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-profile'] }),
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/profile/draft/publish')),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-profile'] }),
  });
  if (profile.isPending) return <Spinner aria-label="Laster kommuneprofilen" />;
  if (!profile.data) return <ProblemAlert error={profile.error} />;
  const { published, draft } = profile.data;
  const shown = text ?? JSON.stringify((draft ?? published)?.document ?? {}, null, 2);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      setParseError(null);
      save.mutate(JSON.parse(shown) as Record<string, unknown>, { onSuccess: () => setText(null) });
    } catch {
      setParseError('Teksten er ikke gyldig JSON.');
    }
  };
  const schemaErrors = save.error instanceof ProblemError ? ((save.error.problem as { errors?: { pointer?: string; message: string }[] }).errors ?? []) : [];
  const changes = draft ? profileDiff(published?.document, draft.document) : [];
  return (
    <section aria-labelledby="profile-heading" className="stack">
      <Heading level={2} data-size="sm" id="profile-heading">
        Kommuneprofil (handlingsveileder)
      </Heading>
      <Paragraph>
        Publisert versjon: {published ? `${published.version}, ${dateTime(published.publishedAt as unknown as string)}` : 'ingen'}. Nye saker følger siste publiserte versjon;
        åpne saker beholder versjonen de startet med.
      </Paragraph>
      <form className="stack" onSubmit={submit}>
        <Textfield label="Kladd (JSON)" multiline rows={12} value={shown} onChange={(e) => setText(e.target.value)} error={parseError ?? undefined} />
        <div className="actions">
          <Button type="submit">Lagre kladd</Button>
        </div>
      </form>
      {schemaErrors.length > 0 && (
        <Alert data-color="danger" role="alert">
          <Heading level={3} data-size="xs">
            Kladden følger ikke skjemaet
          </Heading>
          <ul>
            {schemaErrors.map((e) => (
              <li key={`${e.pointer}-${e.message}`}>
                <code>{e.pointer || '/'}</code>: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {!schemaErrors.length && <ProblemAlert error={save.error ?? publish.error} />}
      {draft && (
        <>
          <Heading level={3} data-size="xs">
            Endringer i kladd (versjon {draft.version}) mot publisert versjon
          </Heading>
          {changes.length === 0 ? (
            <Paragraph>Ingen endringer.</Paragraph>
          ) : (
            <AdminTable
              label="Endringer i kladden"
              caption="Endringer mot publisert versjon"
              columns={['Felt', 'Publisert', 'Kladd']}
              rows={changes}
              rowKey={(c) => c.pointer}
              cells={(c) => [<code>{c.pointer}</code>, c.before ?? '(ikke satt)', c.after ?? '(fjernet)']}
            />
          )}
          <div className="actions">
            <Button onClick={() => publish.mutate()}>Publiser versjon {draft.version}</Button>
          </div>
        </>
      )}
      {publish.data && (
        <Alert data-color="success" role="status">
          Versjon {publish.data.version} er publisert.
        </Alert>
      )}
    </section>
  );
}

function ActiveStatus({ active }: { active: boolean }) {
  return active ? 'Aktiv' : <Tag data-color="neutral">Deaktivert</Tag>;
}
